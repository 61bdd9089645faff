import { startBenchServer } from "../bench/database.js";
await startBenchServer(console.log); console.log("up"); setInterval(() => {}, 1000);
