region = "us-east-2"

availability_zones = ["us-east-2b", "us-east-2c"]

namespace = "eg"

environment = "ue2"

stage = "test"

name = "example"


