// Starts Swagger UI on /openapi.json; a file, because the Content-Security-Policy forbids inline script.
"use strict";
window.addEventListener("DOMContentLoaded", () => {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
