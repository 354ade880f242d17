-- Opens $FILE in Neovim with atflint lsp ($ATFLINT lsp) as its language
-- server, waits for the diagnostics, writes them to $OUT one per line
-- (line:col severity code message, as Neovim holds them), and quits.
-- Written for Neovim 0.7 (Debian 12's) and later.
local id = vim.lsp.start_client({
  name = "atflint",
  cmd = { vim.env.ATFLINT, "lsp" },
  root_dir = vim.env.ROOT,
})
vim.cmd("edit " .. vim.fn.fnameescape(vim.env.FILE))
vim.lsp.buf_attach_client(0, id)
vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
  table.insert(lines, string.format("%d:%d %d %s %s", d.lnum, d.col, d.severity, code, d.message))
end
local out = io.open(vim.env.OUT, "w")
out:write(table.concat(lines, "\n"))
out:close()
vim.lsp.stop_client(id)
vim.cmd("qa!")
