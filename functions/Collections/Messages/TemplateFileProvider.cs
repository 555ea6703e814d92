using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Collections.Messages;

/// <summary>Serves the in-memory template set to Fluid's <c>{% include %}</c>, so partials such as
/// <c>nl/_invoices</c> come from the same set as the templates that include them.</summary>
internal sealed class TemplateFileProvider(IReadOnlyDictionary<string, string> templates) : IFileProvider
{
    public IFileInfo GetFileInfo(string subpath) =>
        templates.TryGetValue(MessageTemplates.NormalisePath(subpath), out var text)
            ? new TemplateFile(Path.GetFileName(subpath), text)
            : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class TemplateFile(string name, string text) : IFileInfo
    {
        private readonly byte[] content = Encoding.UTF8.GetBytes(text);

        public bool Exists => true;

        public long Length => content.Length;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(content, writable: false);
    }
}
