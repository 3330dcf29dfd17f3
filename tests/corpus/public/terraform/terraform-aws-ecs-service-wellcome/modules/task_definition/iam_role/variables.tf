variable "task_name" {
  description = "Name of task role"
}
