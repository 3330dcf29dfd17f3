output "valuesFrom" {
  value = local.valuesFrom
}

output "arns" {
  value = local.arns
}
