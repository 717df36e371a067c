/**
 * The loops of a directed graph: its strongly connected components of more than one node, or of one node
 * with an edge to itself (Tarjan's algorithm). Each loop is listed once, its nodes sorted.
 */
export function loopsOf(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const target of edges.get(node) ?? []) {
      if (!index.has(target)) visit(target);
      if (onStack.has(target)) low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      onStack.delete(top);
      component.push(top);
      if (top === node) break;
    }
    if (component.length > 1 || edges.get(node)?.includes(node)) loops.push(component.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return loops;
}
