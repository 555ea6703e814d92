using System.Diagnostics.CodeAnalysis;

namespace Collections.Infrastructure.Payments;

/// <summary>A parsed payment notice, or the errors per JSON field (RFC 7807-ready).</summary>
public sealed record PaymentNoticeResult(PaymentNotice? Notice, IReadOnlyDictionary<string, string[]> Errors)
{
    [MemberNotNullWhen(true, nameof(Notice))]
    public bool IsValid => Notice is not null;
}
