using Collections.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Collections.Web.Staff;

/// <summary>Every local staff account: those configured in <c>Collections:Staff:Users</c> and those made
/// with <c>staff add</c> (<see cref="StaffAccountFile"/>); a configured account wins over a file one of the same name.</summary>
public sealed class StaffAccounts(IOptions<StaffOptions> staff, IOptions<CollectionsOptions> collections)
{
    public IReadOnlyList<StaffUser> All()
    {
        var configured = staff.Value.Users;
        var added = StaffAccountFile.Load(collections.Value.DataPath)
            .Where(user => !configured.Any(existing => StaffAccountFile.SameName(existing.UserName, user.UserName)));
        return [.. configured, .. added];
    }

    public StaffUser? Find(string userName) => All().FirstOrDefault(user => StaffAccountFile.SameName(user.UserName, userName));
}
