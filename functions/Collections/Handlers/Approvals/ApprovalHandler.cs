using Collections.Storage;

namespace Collections.Handlers.Approvals;

/// <summary>
/// Approval links (hand-over to a collection agency needs a person's yes, R11). Looking at a link
/// never changes anything, because mail scanners follow links; only an explicit decision does, once:
/// the update is conditional on the version read, so of two racing decisions exactly one is recorded.
/// </summary>
public sealed class ApprovalHandler(ICollectionsStore store, IInvoiceWorkflows workflows, TimeProvider time)
{
    public async Task<HandlerOutcome<ApprovalView>> GetAsync(string token, CancellationToken cancellationToken)
    {
        var approval = await FindAsync(token, cancellationToken);
        if (approval is null)
        {
            return Outcome.NotFound<ApprovalView>("This approval link is not valid.");
        }

        var view = ApprovalView.From(approval, await store.GetInvoiceAsync(approval.InvoiceNumber, cancellationToken));
        return approval.Decision is null && IsExpired(approval)
            ? new HandlerOutcome<ApprovalView>(OutcomeKind.Gone, view, Detail: "This approval link has expired.")
            : Outcome.Ok(view);
    }

    public async Task<HandlerOutcome<ApprovalView>> DecideAsync(string token, string? decision, string? decidedBy, CancellationToken cancellationToken)
    {
        if (decision is not (ApprovalDecisions.Approve or ApprovalDecisions.Reject or ApprovalDecisions.KeepInHouse))
        {
            return Outcome.Invalid<ApprovalView>("decision", $"Must be '{ApprovalDecisions.Approve}', '{ApprovalDecisions.Reject}' or '{ApprovalDecisions.KeepInHouse}'.");
        }

        var approval = await FindAsync(token, cancellationToken);
        if (approval is null)
        {
            return Outcome.NotFound<ApprovalView>("This approval link is not valid.");
        }

        var invoice = await store.GetInvoiceAsync(approval.InvoiceNumber, cancellationToken);
        if (approval.Decision is not null)
        {
            return AlreadyDecided(approval, invoice);
        }

        if (IsExpired(approval))
        {
            return new HandlerOutcome<ApprovalView>(OutcomeKind.Gone, ApprovalView.From(approval, invoice), Detail: "This approval link has expired.");
        }

        ApprovalRecord decided;
        try
        {
            decided = await store.UpdateApprovalAsync(
                approval with { Decision = decision, DecidedAt = time.GetUtcNow(), DecidedBy = decidedBy }, cancellationToken);
        }
        catch (StoreConflictException)
        {
            var winner = await store.GetApprovalAsync(approval.Id, cancellationToken) ?? approval;
            return AlreadyDecided(winner, invoice);
        }

        // The workflow writes the decision to the contact log when it acts on it.
        await workflows.ApprovalDecidedAsync(decided, cancellationToken);
        return Outcome.Ok(ApprovalView.From(decided, invoice));
    }

    private static HandlerOutcome<ApprovalView> AlreadyDecided(ApprovalRecord approval, InvoiceRecord? invoice) =>
        new(OutcomeKind.Conflict, ApprovalView.From(approval, invoice), Detail: $"This request was already decided: {approval.Decision}.");

    private async Task<ApprovalRecord?> FindAsync(string token, CancellationToken cancellationToken) =>
        ApprovalToken.IsWellFormed(token)
            ? await store.FindApprovalByTokenHashAsync(ApprovalToken.Hash(token), cancellationToken)
            : null;

    private bool IsExpired(ApprovalRecord approval) => time.GetUtcNow() >= approval.ExpiresAt;
}
