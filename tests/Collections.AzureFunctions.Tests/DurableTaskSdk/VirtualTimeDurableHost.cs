using DurableTask.Core;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using P = Microsoft.DurableTask.Protobuf;

namespace Collections.AzureFunctions.Tests.DurableTaskSdk;

/// <summary>
/// A task hub in virtual time around the Durable Task SDK's stateless orchestration runner,
/// <see cref="GrpcOrchestrationRunner.LoadAndRun(string, ITaskOrchestrator, IServiceProvider?)"/> — the entry point
/// the Functions extension calls for every orchestrator invocation. It keeps each instance's history as protobuf
/// history events, sends past and new events to the runner, turns the actions it answers with into history
/// (TaskScheduled, TimerCreated, completion, continue-as-new with its carried-over events), runs the activities at
/// once, one at a time in the order scheduled, and fires each timer when the clock reaches it. As on Azure, a timer
/// the orchestration stopped waiting for still fires (and changes nothing), events for an instance that does not
/// run are dropped, and events carry no id.
/// </summary>
internal sealed class VirtualTimeDurableHost
{
    /// <summary>Orchestrator episodes and activity runs in one <see cref="RunUntilIdleAsync"/>; past it a workflow loops.</summary>
    private const int MaxStepsUntilIdle = 10_000;

    private readonly FakeTimeProvider clock;
    private readonly IReadOnlyDictionary<string, ITaskOrchestrator> orchestrators;
    private readonly Dictionary<string, ActivityFunction> activities;
    private readonly DurableTaskShimFactory shims;
    private readonly IServiceProvider services;
    private readonly Dictionary<string, Instance> instances = new(StringComparer.Ordinal);
    private readonly List<Instance> order = [];

    public VirtualTimeDurableHost(
        FakeTimeProvider clock, DataConverter converter, IReadOnlyDictionary<string, ITaskOrchestrator> orchestrators, IEnumerable<ActivityFunction> activities)
    {
        this.clock = clock;
        Converter = converter;
        this.orchestrators = orchestrators;
        this.activities = activities.ToDictionary(activity => activity.Name, StringComparer.Ordinal);
        // The runner takes its shim factory (and so the DataConverter) from the services, as the extension registers it.
        shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = converter });
        services = new ServiceCollection().AddSingleton(shims).BuildServiceProvider();
    }

    public DataConverter Converter { get; }

    public IReadOnlyCollection<ActivityFunction> Activities => activities.Values;

    /// <summary>Orchestrator episodes run so far (each one a call of the SDK's runner).</summary>
    public int Episodes { get; private set; }

    public void Start(string name, string instanceId, object? input)
    {
        if (instances.TryGetValue(instanceId, out var existing))
        {
            if (existing.IsRunning)
            {
                return;
            }

            order.Remove(existing);
        }

        var instance = new Instance(instanceId, name);
        instances[instanceId] = instance;
        order.Add(instance);
        instance.Begin(Converter.Serialize(input), [], Now);
    }

    public void RaiseEvent(string instanceId, string name, object? payload)
    {
        if (instances.TryGetValue(instanceId, out var instance) && instance.IsRunning)
        {
            instance.Inbox.Add(Event(new P.HistoryEvent { EventRaised = new P.EventRaisedEvent { Name = name, Input = Converter.Serialize(payload) } }));
        }
    }

    public InstanceState? Get(string instanceId) =>
        instances.TryGetValue(instanceId, out var instance) ? new InstanceState(instance.Status, instance.CustomStatus, instance.Output, instance.Failure, instance.Generation) : null;

    /// <summary>Runs episodes and activities until nothing is left to do at the current time.</summary>
    public async Task RunUntilIdleAsync(CancellationToken cancellationToken = default)
    {
        for (var step = 0; step < MaxStepsUntilIdle; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var instance = order.FirstOrDefault(candidate => candidate.IsRunning && (candidate.Inbox.Count > 0 || candidate.Work.Count > 0));
            if (instance is null)
            {
                return;
            }

            if (instance.Inbox.Count > 0)
            {
                RunEpisode(instance);
            }
            else
            {
                await RunActivityAsync(instance, instance.Work.Dequeue());
            }
        }

        throw new InvalidOperationException($"Still busy after {MaxStepsUntilIdle} steps at {Now:O}: a workflow loops without waiting.");
    }

    /// <summary>Fires every timer due up to <paramref name="until"/> in time order, running until idle after each, and leaves the clock there.</summary>
    public async Task AdvanceToAsync(DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        await RunUntilIdleAsync(cancellationToken);
        while (order.Where(instance => instance.IsRunning).SelectMany(instance => instance.Timers.Values).DefaultIfEmpty(DateTime.MaxValue).Min() is var due
            && due <= until.UtcDateTime)
        {
            if (due > Now)
            {
                clock.SetUtcNow(new DateTimeOffset(due, TimeSpan.Zero));
            }

            foreach (var instance in order.Where(instance => instance.IsRunning))
            {
                foreach (var (timerId, fireAt) in instance.Timers.Where(timer => timer.Value <= Now).OrderBy(timer => timer.Value).ToList())
                {
                    instance.Timers.Remove(timerId);
                    instance.Inbox.Add(Event(new P.HistoryEvent { TimerFired = new P.TimerFiredEvent { TimerId = timerId, FireAt = Timestamp.FromDateTime(fireAt) } }));
                }
            }

            await RunUntilIdleAsync(cancellationToken);
        }

        if (until.UtcDateTime > Now)
        {
            clock.SetUtcNow(until);
        }

        await RunUntilIdleAsync(cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private P.HistoryEvent Event(P.HistoryEvent historyEvent, int eventId = -1)
    {
        historyEvent.EventId = eventId;
        historyEvent.Timestamp = Timestamp.FromDateTime(Now);
        return historyEvent;
    }

    private void RunEpisode(Instance instance)
    {
        var newEvents = new List<P.HistoryEvent> { Event(new P.HistoryEvent { OrchestratorStarted = new P.OrchestratorStartedEvent() }) };
        newEvents.AddRange(instance.Inbox);
        instance.Inbox.Clear();
        var request = new P.OrchestratorRequest { InstanceId = instance.Id, ExecutionId = instance.ExecutionId };
        request.PastEvents.AddRange(instance.History);
        request.NewEvents.AddRange(newEvents);

        var encoded = GrpcOrchestrationRunner.LoadAndRun(Convert.ToBase64String(request.ToByteArray()), orchestrators[instance.Name], services);
        Episodes++;
        var response = P.OrchestratorResponse.Parser.ParseFrom(Convert.FromBase64String(encoded));

        instance.History.AddRange(newEvents);
        instance.CustomStatus = response.CustomStatus;
        var sent = new List<P.SendEventAction>();
        try
        {
            Apply(instance, response, sent);
        }
        finally
        {
            // Delivered once the episode is committed, as the backend would: after a continue-as-new to the new execution.
            foreach (var message in sent)
            {
                if (instances.TryGetValue(message.Instance.InstanceId, out var target) && target.IsRunning)
                {
                    target.Inbox.Add(Event(new P.HistoryEvent { EventRaised = new P.EventRaisedEvent { Name = message.Name, Input = message.Data } }));
                }
            }
        }
    }

    private void Apply(Instance instance, P.OrchestratorResponse response, List<P.SendEventAction> sent)
    {
        foreach (var action in response.Actions)
        {
            switch (action.OrchestratorActionTypeCase)
            {
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask:
                    var task = action.ScheduleTask;
                    instance.History.Add(Event(new P.HistoryEvent { TaskScheduled = new P.TaskScheduledEvent { Name = task.Name, Input = task.Input } }, action.Id));
                    instance.Work.Enqueue(new ScheduledActivity(action.Id, task.Name, task.Input));
                    break;
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateTimer:
                    instance.History.Add(Event(new P.HistoryEvent { TimerCreated = new P.TimerCreatedEvent { FireAt = action.CreateTimer.FireAt } }, action.Id));
                    instance.Timers[action.Id] = action.CreateTimer.FireAt.ToDateTime();
                    break;
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.SendEvent:
                    // The SDK's continue-as-new keeps events not yet taken by sending them to the instance itself.
                    instance.History.Add(Event(new P.HistoryEvent { EventSent = new P.EventSentEvent { InstanceId = action.SendEvent.Instance.InstanceId, Name = action.SendEvent.Name, Input = action.SendEvent.Data } }, action.Id));
                    sent.Add(action.SendEvent);
                    break;
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.CompleteOrchestration:
                    Complete(instance, action.CompleteOrchestration);
                    return;
                default:
                    throw new NotSupportedException($"{instance.Id}: action {action.OrchestratorActionTypeCase} is not used by the product.");
            }
        }

        instance.History.Add(Event(new P.HistoryEvent { OrchestratorCompleted = new P.OrchestratorCompletedEvent() }));
    }

    private void Complete(Instance instance, P.CompleteOrchestrationAction completion)
    {
        switch (completion.OrchestrationStatus)
        {
            case P.OrchestrationStatus.ContinuedAsNew:
                // A new execution: a fresh history, no timers, the events the last one did not take carried over.
                instance.Begin(completion.Result, completion.CarryoverEvents, Now);
                break;
            case P.OrchestrationStatus.Completed:
                instance.Finish("Completed", completion.Result, failure: null);
                break;
            default:
                instance.Finish(completion.OrchestrationStatus.ToString(), output: null, $"{completion.FailureDetails?.ErrorType}: {completion.FailureDetails?.ErrorMessage}");
                break;
        }
    }

    private async Task RunActivityAsync(Instance instance, ScheduledActivity scheduled)
    {
        // The SDK's activity shim: it unwraps the input from the array Durable Task sends and reads it with the DataConverter.
        var activity = shims.CreateActivity(scheduled.Name, activities[scheduled.Name]);
        var executionId = instance.ExecutionId;
        P.HistoryEvent result;
        try
        {
            var output = await activity.RunAsync(new TaskContext(new OrchestrationInstance { InstanceId = instance.Id, ExecutionId = executionId }), scheduled.Input);
            result = new P.HistoryEvent { TaskCompleted = new P.TaskCompletedEvent { TaskScheduledId = scheduled.TaskId, Result = output } };
        }
        catch (Exception failure)
        {
            result = new P.HistoryEvent
            {
                TaskFailed = new P.TaskFailedEvent
                {
                    TaskScheduledId = scheduled.TaskId,
                    FailureDetails = new P.TaskFailureDetails { ErrorType = failure.GetType().FullName, ErrorMessage = failure.Message },
                },
            };
        }

        if (instance.IsRunning && instance.ExecutionId == executionId)
        {
            instance.Inbox.Add(Event(result));
        }
    }

    /// <summary>What the host knows of an instance, as a Durable client reports it.</summary>
    /// <param name="Generation">1 for the first execution, +1 for each continue-as-new.</param>
    public sealed record InstanceState(string Status, string? CustomStatus, string? Output, string? Failure, int Generation);

    private sealed record ScheduledActivity(int TaskId, string Name, string? Input);

    private sealed class Instance(string id, string name)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public string ExecutionId { get; private set; } = "";

        public int Generation { get; private set; }

        public List<P.HistoryEvent> History { get; } = [];

        public List<P.HistoryEvent> Inbox { get; } = [];

        public Queue<ScheduledActivity> Work { get; } = new();

        public Dictionary<int, DateTime> Timers { get; } = [];

        public string Status { get; private set; } = "Pending";

        public string? CustomStatus { get; set; }

        public string? Output { get; private set; }

        public string? Failure { get; private set; }

        public bool IsRunning => Status is "Pending" or "Running";

        public void Begin(string? input, IEnumerable<P.HistoryEvent> carriedOver, DateTime now)
        {
            Generation++;
            ExecutionId = $"{Id}:{Generation}";
            History.Clear();
            Timers.Clear();
            Work.Clear();
            var carried = carriedOver.ToList();
            Inbox.Clear();
            Inbox.Add(new P.HistoryEvent
            {
                EventId = -1,
                Timestamp = Timestamp.FromDateTime(now),
                ExecutionStarted = new P.ExecutionStartedEvent
                {
                    Name = Name,
                    Input = input,
                    OrchestrationInstance = new P.OrchestrationInstance { InstanceId = Id, ExecutionId = ExecutionId },
                },
            });
            Inbox.AddRange(carried);
            Status = "Running";
        }

        public void Finish(string status, string? output, string? failure)
        {
            Status = status;
            Output = output;
            Failure = failure;
            Inbox.Clear();
            Work.Clear();
            Timers.Clear();
        }
    }
}
