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
            var element = root.Child("wps:Output").Attr("id", output.Name);
            if (output.ReferenceUrl is { } url)
            {
                element.Child("wps:Reference")
                    .Attr("xlink:href", url)
                    .AttrIfSet("mimeType", output.Text("mimeType"))
                    .AttrIfSet("encoding", output.Text("encoding"))
                    .AttrIfSet("schema", output.Text("schema"));
                continue;
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
        }
        return root;
    }
}
