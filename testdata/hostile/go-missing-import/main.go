package main

import "example.com/nowhere/at/all"

func main() { all.Do() }
