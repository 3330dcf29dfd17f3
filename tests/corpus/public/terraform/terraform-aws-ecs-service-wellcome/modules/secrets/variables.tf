variable "role_name" {
  type = string
}

variable "secrets" {
  type = map(string)
}
