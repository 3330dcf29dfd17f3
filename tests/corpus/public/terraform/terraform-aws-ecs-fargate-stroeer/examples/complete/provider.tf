provider "aws" {
  region = var.region
}

provider "random" {}
