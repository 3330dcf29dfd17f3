output "domain_name" {
  value = module.service.domain_name
}
