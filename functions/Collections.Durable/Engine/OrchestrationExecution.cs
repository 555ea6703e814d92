using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Collections.Durable.Engine;

/// <summary>
/// One live run of an orchestrator for one generation of an instance. Created by replaying the history from
/// the store (or kept in memory between turns), then advanced one turn at a time with new inbox messages.
/// </summary>
internal sealed class OrchestrationExecution
{
    private readonly OrchestratorRegistration orchestrator;
    private readonly JsonSerializerOptions json;
    private readonly ReplayOrchestrationContext context;
    private readonly TurnSynchronizationContext synchronization = new();
    private Task? task;
    private Exception? fault;

    public OrchestrationExecution(
        string instanceId,
        long generation,
        OrchestratorRegistration orchestrator,
        JsonSerializerOptions json,
        ILoggerFactory loggerFactory)
    {
        InstanceId = instanceId;
        Generation = generation;
        this.orchestrator = orchestrator;
        this.json = json;
        context = new ReplayOrchestrationContext(instanceId, orchestrator.Name, json, loggerFactory);
    }

    public string InstanceId { get; }

    public long Generation { get; }

    /// <summary>How many history events this execution has applied (the next event's sequence number).</summary>
    public int HistoryCount { get; private set; }

    /// <summary>True once the code returned, threw or turned out non-deterministic; such an execution is not reused.</summary>
    public bool IsFinished => fault is not null || synchronization.ForeignThreadDetected || task is { IsCompleted: true };

    /// <summary>Re-executes committed history; a mismatch with the code is recorded as the execution's fault.</summary>
    public void Replay(IReadOnlyList<HistoryEvent> history)
    {
        context.Replaying = true;
        foreach (var historyEvent in history)
        {
            if (!TryApply(historyEvent))
            {
                break;
            }
        }

        HistoryCount = history.Count;
        context.TakeCancelledTimers();
        context.Replaying = false;
    }

    /// <summary>Applies one turn: the turn-start marker, then the new messages (a start first), and reports the outcome.</summary>
    public TurnResult RunTurn(DateTime now, IReadOnlyList<InboxMessage> messages)
    {
        var historyStart = HistoryCount;
        var newHistory = new List<HistoryEvent>();
        var consumed = messages.Select(m => m.Id).ToList();
        var carried = new List<(string, string?)>();
        context.CustomStatusChanged = false;

        var turnStart = new HistoryEvent(HistoryEventKind.OrchestratorStarted, now);
        newHistory.Add(turnStart);
        TryApply(turnStart);

        var ordered = messages
            .Where(m => m.Kind == HistoryEventKind.EventRaised || m.Generation == Generation)
            .OrderBy(m => m.Kind == HistoryEventKind.ExecutionStarted ? 0 : 1)
            .ThenBy(m => m.Id);
        foreach (var message in ordered)
        {
            if (IsFinished)
            {
                if (message.Kind == HistoryEventKind.EventRaised)
                {
                    carried.Add((message.Name!, message.Payload));
                }

                continue;
            }

            var historyEvent = message.ToHistoryEvent(now);
            newHistory.Add(historyEvent);
            TryApply(historyEvent);
        }

        var actions = fault is null ? context.TakeNewActions() : [];
        foreach (var action in actions)
        {
            var recorded = action.Kind == ActionKind.CallActivity
                ? new HistoryEvent(HistoryEventKind.TaskScheduled, now, action.TaskId, action.Name)
                : new HistoryEvent(HistoryEventKind.TimerCreated, now, action.TaskId, FireAt: action.FireAt);
            newHistory.Add(recorded);
        }

        HistoryCount += actions.Count;
        var (outcome, output, failure) = Outcome();
        if (outcome == TurnOutcome.ContinuedAsNew)
        {
            carried.InsertRange(0, context.UnconsumedEvents());
        }

        return new TurnResult(
            InstanceId,
            Generation,
            historyStart,
            newHistory,
            consumed,
            outcome == TurnOutcome.Running ? actions : [],
            context.TakeCancelledTimers(),
            outcome,
            output,
            failure,
            context.CustomStatus,
            context.CustomStatusChanged,
            outcome == TurnOutcome.Running ? context.AwaitedEventNames() : [],
            context.ContinueAsNewInput,
            carried,
            now);
    }

    private (TurnOutcome Outcome, string? Output, FailureDetails? Failure) Outcome()
    {
        if (fault is not null)
        {
            return (TurnOutcome.Failed, null, FailureDetails.From(fault));
        }

        if (synchronization.ForeignThreadDetected)
        {
            return (TurnOutcome.Failed, null, new FailureDetails(
                typeof(InvalidOperationException).FullName!,
                $"Orchestration instance '{InstanceId}' continued on another thread. Orchestrator code must not use " +
                "CancellationTokenSource.CancelAsync (use Cancel), Task.Run, Task.Delay or ConfigureAwait(false)."));
        }

        if (task is not { IsCompleted: true } completed)
        {
            return (TurnOutcome.Running, null, null);
        }

        if (completed.IsFaulted)
        {
            var exception = completed.Exception!.InnerExceptions.Count == 1 ? completed.Exception.InnerException! : completed.Exception;
            return (TurnOutcome.Failed, null, FailureDetails.From(exception));
        }

        if (completed.IsCanceled)
        {
            return (TurnOutcome.Failed, null, new FailureDetails(typeof(TaskCanceledException).FullName!, "The orchestrator's task was cancelled."));
        }

        if (context.ContinuedAsNew)
        {
            return (TurnOutcome.ContinuedAsNew, null, null);
        }

        try
        {
            return (TurnOutcome.Completed, orchestrator.SerializeOutput(completed, json), null);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            return (TurnOutcome.Failed, null, FailureDetails.From(exception));
        }
    }

    private bool TryApply(HistoryEvent historyEvent)
    {
        HistoryCount++;
        try
        {
            synchronization.Run(() => Apply(historyEvent));
            return true;
        }
        catch (NonDeterministicOrchestrationException exception)
        {
            fault = exception;
            return false;
        }
    }

    private void Apply(HistoryEvent historyEvent)
    {
        switch (historyEvent.Kind)
        {
            case HistoryEventKind.OrchestratorStarted:
                context.Now = historyEvent.Timestamp;
                break;
            case HistoryEventKind.ExecutionStarted:
                context.Input = historyEvent.Payload;
                task = Start();
                break;
            case HistoryEventKind.TaskScheduled:
                context.ConfirmAction(historyEvent.TaskId, ActionKind.CallActivity, historyEvent.Name);
                break;
            case HistoryEventKind.TimerCreated:
                context.ConfirmAction(historyEvent.TaskId, ActionKind.CreateTimer, null);
                break;
            case HistoryEventKind.TaskCompleted:
            case HistoryEventKind.TimerFired:
                context.CompleteTask(historyEvent.TaskId, historyEvent.Payload);
                break;
            case HistoryEventKind.TaskFailed:
                context.FailTask(historyEvent.TaskId, new FailureDetails(historyEvent.Name ?? "Exception", historyEvent.Payload ?? string.Empty));
                break;
            case HistoryEventKind.EventRaised:
                context.DeliverEvent(historyEvent.Name!, historyEvent.Payload);
                break;
            default:
                throw new InvalidOperationException($"Unknown history event kind {historyEvent.Kind}.");
        }
    }

    private Task Start()
    {
        try
        {
            return orchestrator.Run(context);
        }
        catch (Exception exception) when (exception is not NonDeterministicOrchestrationException)
        {
            return Task.FromException(exception);
        }
    }
}
