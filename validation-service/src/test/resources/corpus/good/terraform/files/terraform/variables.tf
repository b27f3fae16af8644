variable "app_name" {
  type        = string
  description = "Name of the app"
  default     = "todo-api"
}
/* a block
   comment */
variable "env" {}
