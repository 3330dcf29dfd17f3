variable "secrets" {
  type    = map(string)
  default = {}
}
