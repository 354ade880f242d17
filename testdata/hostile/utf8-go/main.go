package main

func main() { println("ÿşÀ€") }
