// Package logrus is a stub of a logging library that writes its own file.
package logrus

import "os"

func Infof(format string, args ...any) {
	f, _ := os.OpenFile("/var/log/app.log", os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
	f.WriteString(format)
}
