// A delivery node in a child process, for the crash test: opens a node on the given data directory
// (whose events.sqlite is the parent's), sends every domain to the SMTP peer on the given port, starts
// the delivery worker and says "ready". The parent kills it with SIGKILL in the middle of an attempt.
import { startDeliveryNode } from '../support/delivery-node';

async function main(): Promise<void> {
  const [dir, port] = process.argv.slice(2);
  const node = await startDeliveryNode({ dir, smtpPort: Number(port), reactors: false });
  process.stdout.write(`ready ${node.runtime.node}\n`);
  // Runs until killed.
  setInterval(() => undefined, 60_000);
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
