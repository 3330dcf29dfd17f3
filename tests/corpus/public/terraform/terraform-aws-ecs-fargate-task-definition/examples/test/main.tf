module "td" {
  source          = "../../"
  name_prefix     = "test"
  container_image = "ubuntu"
  container_name  = "test"
}
