package main

func main() {
	var n int = "not a number"
	_ = n
}
