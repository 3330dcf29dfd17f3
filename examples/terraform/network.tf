resource "aws_security_group" "orders" {
  name        = "${var.name}-tasks"
  description = "Tasks of the orders service"
  vpc_id      = var.vpc_id

  egress {
    description = "Calls to AWS APIs"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# The load balancer reaches the tasks; so, by mistake, does the whole internet.
resource "aws_vpc_security_group_ingress_rule" "orders_from_anywhere" {
  security_group_id = aws_security_group.orders.id
  description       = "Temporary: debugging from home"
  ip_protocol       = "tcp"
  from_port         = var.container_port
  to_port           = var.container_port
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "orders_from_alb" {
  security_group_id            = aws_security_group.orders.id
  description                  = "Traffic from the load balancer"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port
  to_port                      = var.container_port
  referenced_security_group_id = module.alb.security_group_id
}

module "alb" {
  source     = "./modules/alb"
  name       = var.name
  vpc_id     = var.vpc_id
  subnet_ids = var.subnet_ids
  port       = var.container_port
}
