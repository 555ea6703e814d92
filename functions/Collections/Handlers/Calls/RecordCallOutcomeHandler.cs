using System.Text.Json;
using Collections.Activities;
using Collections.Storage;

namespace Collections.Handlers.Calls;

/// <summary>
/// Closes a call task with its outcome and raises it to the workflow of every invoice the call was
/// about. The same outcome posted again is acknowledged (the port delivers it once); another outcome
/// for a task already closed is a conflict (the first recorded outcome stands); an outcome for a task the
/// workflow took off the list (expired, paused, …) is gone, with the reason, and not recorded.
/// </summary>
public sealed class RecordCallOutcomeHandler(ICollectionsStore store, IInvoiceWorkflows workflows)
{
    private const int MaxAttempts = 5;

    private static readonly JsonSerializerOptions OutcomeJson = new(JsonSerializerDefaults.Web);

    public async Task<HandlerOutcome<CallTaskRecord>> HandleAsync(string callTaskId, CallOutcomeRequest request, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Any)
        {
            return Outcome.Invalid<CallTaskRecord>(errors);
        }

        var outcomeJson = JsonSerializer.Serialize(request, OutcomeJson);
        for (var attempt = 1; ; attempt++)
        {
            var task = await store.GetCallTaskAsync(callTaskId, cancellationToken);
            if (task is null)
            {
                return Outcome.NotFound<CallTaskRecord>($"Call task {callTaskId} is not known.");
            }

            if (task.Status == CallTaskStatus.Cancelled)
            {
                var reason = CallTaskClosures.ReasonOf(task);
                return Outcome.Gone<CallTaskRecord>(
                    $"Call task {callTaskId} was closed without an outcome{(reason is null ? string.Empty : $" ({reason})")}; this outcome was not recorded.");
            }

            if (task.Status != CallTaskStatus.Open)
            {
                if (task.Outcome != outcomeJson)
                {
                    return Outcome.Conflict<CallTaskRecord>($"Call task {callTaskId} is already {task.Status}.");
                }

                // The same outcome again: a retry, maybe after a crash before the workflow heard of it.
                await workflows.CallOutcomeAsync(task, request, cancellationToken);
                return Outcome.Ok(task);
            }

            CallTaskRecord done;
            try
            {
                done = await store.UpdateCallTaskAsync(task with { Status = CallTaskStatus.Done, Outcome = outcomeJson }, cancellationToken);
            }
            catch (StoreConflictException) when (attempt < MaxAttempts)
            {
                continue;
            }

            // The workflow writes the outcome to each invoice's contact log when it follows it up.
            await workflows.CallOutcomeAsync(done, request, cancellationToken);
            return Outcome.Ok(done);
        }
    }

    private static FieldErrors Validate(CallOutcomeRequest request)
    {
        var errors = new FieldErrors();
        if (request.Outcome is null || !CallOutcomeKinds.All.Contains(request.Outcome))
        {
            errors.Add("outcome", $"Must be one of: {string.Join(", ", CallOutcomeKinds.All)}.");
            return errors;
        }

        switch (request.Outcome)
        {
            case CallOutcomeKinds.PromiseToPay:
                errors.Required("promisedDate", request.PromisedDate);
                break;
            case CallOutcomeKinds.PaymentPlan:
                ValidateInstalments(request.Instalments, errors);
                break;
            case CallOutcomeKinds.Dispute:
                errors.Required("reason", request.Reason);
                break;
            case CallOutcomeKinds.CallbackRequested:
                errors.Required("callbackAt", request.CallbackAt);
                break;
        }

        return errors;
    }

    private static void ValidateInstalments(IReadOnlyList<InstalmentRequest>? instalments, FieldErrors errors)
    {
        if (instalments is null || instalments.Count == 0)
        {
            errors.Add("instalments", "A payment plan needs at least one instalment.");
            return;
        }

        for (var index = 0; index < instalments.Count; index++)
        {
            errors.Required($"instalments[{index}].dueDate", instalments[index].DueDate);
            errors.Required($"instalments[{index}].amount", instalments[index].Amount);
            if (instalments[index].Amount is <= 0)
            {
                errors.Add($"instalments[{index}].amount", "Must be greater than zero.");
            }
        }
    }
}
