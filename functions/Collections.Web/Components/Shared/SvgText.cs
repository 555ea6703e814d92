using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Collections.Web.Components.Shared;

/// <summary>An SVG <c>&lt;text&gt;</c> label. Written in C# because Razor markup reserves the <c>&lt;text&gt;</c> tag for itself.</summary>
public sealed class SvgText : ComponentBase
{
    [Parameter]
    public int X { get; set; }

    [Parameter]
    public int Y { get; set; }

    [Parameter, EditorRequired]
    public string Text { get; set; } = string.Empty;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "x", X.ToString(CultureInfo.InvariantCulture));
        builder.AddAttribute(2, "y", Y.ToString(CultureInfo.InvariantCulture));
        builder.AddAttribute(3, "font-size", "13");
        builder.AddAttribute(4, "fill", "#1a1a1a");
        builder.AddContent(5, Text);
        builder.CloseElement();
    }
}
