// Validates every document of the given YAML files against the Kubernetes OpenAPI schema that the npm package
// kubernetes-models ships (ajv, no download at run time). Usage (deploy/check.sh does this):
//   npm install --prefix /tmp/k8scheck kubernetes-models@5.1.0 yaml@2
//   NODE_PATH=/tmp/k8scheck/node_modules node deploy/kubernetes/validate.mjs deploy/kubernetes/*.yaml
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

// ES modules ignore NODE_PATH: import the packages by their file there
const modules = process.env.NODE_PATH;
const from = (path) => import(pathToFileURL(`${modules}/${path}`).href);
const { parseAllDocuments } = await from("yaml/dist/index.js");
const models = {
  "batch/v1/CronJob": "kubernetes-models/batch/v1/CronJob.js",
  "v1/PersistentVolumeClaim": "kubernetes-models/v1/PersistentVolumeClaim.js",
  "v1/Secret": "kubernetes-models/v1/Secret.js",
};
let failed = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
    const object = doc.toJS();
    const key = `${object.apiVersion}/${object.kind}`;
    if (!models[key]) throw new Error(`${file}: no schema here for ${key}`);
    const module = await from(models[key]);
    const Model = module[object.kind];
    try {
      new Model(object).validate();
      console.log(`${file}: ${key} ${object.metadata.name}: valid`);
    } catch (e) {
      failed++;
      console.log(`${file}: ${key} ${object.metadata.name}: ${e.message}`);
    }
  }
}
process.exit(failed ? 1 : 0);
