# provider "aws" {
#   region  = "us-east-1"
#   profile = "my-profile"
#   default_tags {
#     tags = {
#       product      = var.product
#       environment  = var.environment
#       repo         = var.repo
#       organization = var.organization
#     }
#   }
# }
