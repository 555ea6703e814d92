using Collections.Handlers;
using Collections.Handlers.Invoices;
using Microsoft.AspNetCore.Mvc;

namespace Collections.Web.Api;

/// <summary>One invoice's answer in <c>POST /api/invoices/batch</c>, at its position in the posted array.</summary>
/// <param name="Number">The invoice number, when the item has one (also for most invalid items).</param>
/// <param name="Problem">Why the item was refused: the problem document a single submit would have answered.</param>
internal sealed record InvoiceBatchItemResult(int Index, string? Number, InvoiceBatchItemStatus Status, ProblemDetails? Problem = null)
{
    public bool Succeeded => Status is InvoiceBatchItemStatus.Created or InvoiceBatchItemStatus.Exists;

    public static InvoiceBatchItemResult From(int index, string? number, HandlerOutcome<InvoiceSummary> outcome) =>
        outcome.Kind switch
        {
            OutcomeKind.Created => new(index, outcome.Value!.Number, InvoiceBatchItemStatus.Created),
            OutcomeKind.Ok => new(index, outcome.Value!.Number, InvoiceBatchItemStatus.Exists),
            OutcomeKind.Invalid => new(index, number, InvoiceBatchItemStatus.Invalid, new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
                Detail = "See errors: one entry per offending field.",
                // As HttpValidationProblemDetails writes them; that subtype's own property would be lost behind the declared ProblemDetails.
                Extensions = { ["errors"] = outcome.Errors },
            }),
            OutcomeKind.Conflict => new(index, number, InvoiceBatchItemStatus.Conflict, new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = outcome.Detail,
            }),
            _ => throw new InvalidOperationException($"Unmapped intake outcome {outcome.Kind}."),
        };
}

internal enum InvoiceBatchItemStatus
{
    /// <summary>Stored now; its workflow started.</summary>
    Created,

    /// <summary>The same invoice was already stored (a re-posted batch): nothing new.</summary>
    Exists,

    Invalid,

    /// <summary>Another invoice is stored under this number.</summary>
    Conflict,
}
