# Heredocs, interpolation, lists over lines, nested blocks and a one-line block.
terraform {
  required_version = ">= 1.5.0"
  required_providers {
    docker = {
      source  = "kreuzwerker/docker"
      version = "~> 3.0"
    }
  }
}

locals {
  labels = { app = var.app_name, "tier" = "api" }
  ports  = [for p in [3000, 9229] : p if p > 0]
}

resource "docker_container" "app" {
  name  = "${var.app_name}-${var.env == "prod" ? "p" : "d"}"
  image = docker_image.app.image_id
  env = [
    "PORT=3000",
    "DATABASE_URL=postgres://${var.db_user}@db:5432/${var.db_name}",
  ]
  ports { internal = 3000 }
  command = ["node", "src/server.js"]
  upload {
    file    = "/app/motd"
    content = <<-EOT
      Welcome to ${var.app_name} { not a block }
    EOT
  }
}
