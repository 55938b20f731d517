using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Execution;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Responses;

/// <summary>The WPS 2.0.0 <c>wps:Result</c> of a document response.</summary>
public static class ResultWriter
{
    public static ElementNode Build(IReadOnlyList<ProducedOutput> outputs)
    {
        var root = ResponseRoot.Create("wps:Result", WpsVersion.V200, "Execute");
        foreach (var output in outputs)
        {
            // The schema lets an output hold one nested output only: each inner output comes in its own copy of its output.
            if (output.Inner.Count > 0)
            {
                foreach (var inner in output.Inner)
                    root.Child("wps:Output").Attr("id", output.Name).Add(Output(inner));
            }
            else
                root.Add(Output(output));
        }
        return root;
    }

    /// <summary>An output with its data or its reference.</summary>
    private static ElementNode Output(ProducedOutput output)
    {
        var element = new ElementNode("wps:Output").Attr("id", output.Name);
        if (output.ReferenceUrl is { } url)
        {
            element.Child("wps:Reference")
                .Attr("xlink:href", url)
                .AttrIfSet("mimeType", output.Text("mimeType"))
                .AttrIfSet("encoding", output.Text("encoding"))
                .AttrIfSet("schema", output.Text("schema"));
            return element;
        }
        var data = element.Child("wps:Data");
        switch (output.Kind)
        {
            case DataKind.Literal:
                data.Attr("mimeType", "text/plain").Text(OutputDataWriter.LiteralText(output));
                break;
            case DataKind.BoundingBox:
                data.Attr("mimeType", "text/xml").Add(OutputDataWriter.BoundingBox("ows:BoundingBox", output));
                break;
            default:
                OutputDataWriter.Complex(data, output);
                break;
        }
        return element;
    }
}
