output "url" {
  value = "http://localhost:3000
}
