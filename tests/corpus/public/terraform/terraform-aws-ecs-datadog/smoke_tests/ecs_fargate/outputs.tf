output "all-dd-disabled" {
  value = module.dd_task_all_dd_disabled
}

output "all-dd-inputs" {
  value = module.dd_task_all_dd_inputs
}

output "all-ecs-inputs" {
  value = module.dd_task_all_ecs_inputs
}

output "all-null" {
  value = module.dd_task_all_null
}

output "all-windows" {
  value = module.dd_task_all_windows
}

output "apm-dsd-tcp-udp" {
  value = module.dd_task_apm_dsd_tcp_udp
}

output "cws-only" {
  value = module.dd_task_cws_only
}

output "logging-only" {
  value = module.dd_task_logging_only
}

output "role-parsing-with-path" {
  value = module.dd_task_role_parsing_with_path
}

output "role-parsing-without-path" {
  value = module.dd_task_role_parsing_without_path
}

output "ust-docker-labels" {
  value = module.dd_task_ust_docker_labels
}
