namespace Collections.Durable.Engine;

/// <summary>
/// Keeps the in-memory orchestrator state of recently active instances between turns (least recently used
/// evicted first), so a turn need not reload and replay the history. Only accessed under the runtime's gate.
/// </summary>
internal sealed class ExecutionCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<OrchestrationExecution>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<OrchestrationExecution> recency = new();

    public OrchestrationExecution? Take(string instanceId, long generation)
    {
        if (!entries.Remove(instanceId, out var node))
        {
            return null;
        }

        recency.Remove(node);
        return node.Value.Generation == generation ? node.Value : null;
    }

    public void Put(OrchestrationExecution execution)
    {
        if (capacity == 0)
        {
            return;
        }

        Remove(execution.InstanceId);
        entries[execution.InstanceId] = recency.AddFirst(execution);
        while (entries.Count > capacity)
        {
            var oldest = recency.Last!;
            recency.RemoveLast();
            entries.Remove(oldest.Value.InstanceId);
        }
    }

    public void Remove(string instanceId)
    {
        if (entries.Remove(instanceId, out var node))
        {
            recency.Remove(node);
        }
    }
}
