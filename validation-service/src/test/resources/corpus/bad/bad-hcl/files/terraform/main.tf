terraform {
  required_version = ">= 1.5.0"
}

resource "docker_network" "app" {
  name   = "todo-net"
  driver =
}
