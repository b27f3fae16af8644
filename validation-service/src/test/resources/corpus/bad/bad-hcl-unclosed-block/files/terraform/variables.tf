variable "app_name" {
  type    = string
  default = "todo-api"
