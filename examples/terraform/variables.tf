variable "name" {
  description = "Prefix of every resource name."
  type        = string
  default     = "orders"
}

variable "image" {
  type    = string
  default = "public.ecr.aws/nginx/nginx:latest"
}

variable "container_port" {
  type    = number
  default = 8080
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}
