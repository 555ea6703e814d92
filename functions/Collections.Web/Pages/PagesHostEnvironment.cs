using Microsoft.Extensions.FileProviders;

namespace Collections.Web.Pages;

/// <summary>Rendering Razor components asks for an <see cref="IWebHostEnvironment"/> (to decide on detailed errors);
/// a host without a web host (the Functions app's worker, its tests) gets this one, from the generic host's
/// environment where there is one. The pages serve no files from a web root.</summary>
internal sealed class PagesHostEnvironment : IWebHostEnvironment
{
    public PagesHostEnvironment(IHostEnvironment? host)
    {
        EnvironmentName = host?.EnvironmentName ?? Environments.Production;
        ApplicationName = host?.ApplicationName ?? typeof(PagesHostEnvironment).Assembly.GetName().Name!;
        ContentRootPath = host?.ContentRootPath ?? AppContext.BaseDirectory;
        ContentRootFileProvider = host?.ContentRootFileProvider ?? new NullFileProvider();
    }

    public string EnvironmentName { get; set; }

    public string ApplicationName { get; set; }

    public string ContentRootPath { get; set; }

    public IFileProvider ContentRootFileProvider { get; set; }

    public string WebRootPath { get; set; } = string.Empty;

    public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
}
