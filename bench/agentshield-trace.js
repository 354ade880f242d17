// Loaded with node --require before ecc-agentshield, it writes the path of
// every file the scanner reads to $TRACE_FILE, once each: agentshield
// reports how many files it scanned, not which.
const fs = require('fs');
const out = process.env.TRACE_FILE;
const seen = new Set();
function record(p) {
	if (typeof p === 'string' && !seen.has(p)) {
		seen.add(p);
		fs.appendFileSync(out, p + '\n');
	}
}
for (const [obj, name] of [[fs, 'readFileSync'], [fs, 'readFile'], [fs.promises, 'readFile']]) {
	const read = obj[name];
	obj[name] = function (p, ...rest) {
		record(p);
		return read.call(this, p, ...rest);
	};
}
