import { adminRoute } from "./adminRoute.js";

const TEMPLATES = ["/_admin/instances/{id}", "/_admin/flavors/{name}"];

test.each<[string, string, { key: string; id: string }]>([
  ["GET", "/_admin/instances/DE-1", { key: "GET /_admin/instances/{id}", id: "DE-1" }],
  ["PUT", "/_admin/flavors/modelarts.vm.cpu.2u", { key: "PUT /_admin/flavors/{name}", id: "modelarts.vm.cpu.2u" }],
  ["GET", "/_admin/instances/a%2Fb%20c", { key: "GET /_admin/instances/{id}", id: "a/b c" }],
  ["GET", "/_admin/instances", { key: "GET /_admin/instances", id: "" }],
  ["GET", "/_admin/instances/", { key: "GET /_admin/instances/", id: "" }],
  ["GET", "/_admin/instances/DE-1/extra", { key: "GET /_admin/instances/DE-1/extra", id: "" }],
  ["GET", "/_admin/notebooks/x", { key: "GET /_admin/notebooks/x", id: "" }],
])("%s %s", (method, path, route) => {
  expect(adminRoute(method, path, TEMPLATES)).toEqual(route);
});
