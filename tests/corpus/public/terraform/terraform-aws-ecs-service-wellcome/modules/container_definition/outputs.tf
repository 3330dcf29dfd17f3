output "container_definition" {
  value = local.filtered_container_definition
}

output "name" {
  value = var.name
}