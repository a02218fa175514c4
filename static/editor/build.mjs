// Builds editor.bundle.js from src/editor.js: npm ci && npm run build.
// The bundle is committed, so neither the server nor CI needs npm.
import {build} from "esbuild";

await build({
  entryPoints: ["src/editor.js"],
  bundle: true,
  format: "esm",
  minify: true,
  target: ["es2020"],
  legalComments: "eof",
  outfile: "editor.bundle.js",
  banner: {js: "// osplay's CodeMirror 6 bundle, built by static/editor/build.mjs (npm ci && npm run build). Do not edit."},
});
