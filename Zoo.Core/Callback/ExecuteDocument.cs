using Zoo.Core.Configuration;
using Zoo.Core.Data;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Requests.Execute;
using Zoo.Core.Wps.Responses;
using Zoo.Core.Xml;

namespace Zoo.Core.Callback;

/// <summary>
/// A job's Execute request as a WPS 2.0.0 <c>wps:Execute</c> document, whatever form the client used (1.0.0 KVP,
/// 1.0.0 XML, 2.0.0 XML): what the callback service sends as <c>request_execute_content</c> and rewrites once the
/// inputs are published. Inputs and outputs keep their order; a nested input or output keeps the name the readers
/// gave it (<c>parent.child</c>), which a 2.0.0 reader reads back as the same name.
/// <para>
/// What WPS 2.0.0 cannot carry is left out: 1.0.0 lineage, the uom of an output, and the headers of a reference
/// (these may also hold credentials, which the callback service must not pass on).
/// </para>
/// </summary>
public static class ExecuteDocument
{
    /// <param name="processOutputs">
    /// the process's outputs, asked for by value when the request names none: a 1.0.0 request may (it then means all
    /// of them), a 2.0.0 Execute must name at least one.
    /// </param>
    /// <param name="limits">bound the reading back of inline data and the check of XML before it is embedded.</param>
    /// <exception cref="IOException">the file of an input given by value is gone or larger than a request can be.</exception>
    public static string Build(ExecuteRequest request, IReadOnlyList<string> processOutputs, Limits limits)
    {
        var root = ResponseRoot.Create("wps:Execute", WpsVersion.V200, "Execute")
            .Attr("service", "WPS")
            .Attr("version", WpsVersion.V200.Number)
            .Attr("response", request.Response == ResponseKind.Raw ? "raw" : "document")
            .Attr("mode", request.Mode switch
            {
                ExecutionMode.Async => "async",
                ExecutionMode.Auto => "auto",
                _ => "sync",
            })
            .TextChild("ows:Identifier", request.Identifier);
        foreach (var input in request.Inputs)
            root.Add(Input(input, limits));
        foreach (var output in request.Outputs.Count > 0 ? request.Outputs : processOutputs.Select(name => new OutputRequest(name, ConfigValues.Empty)))
            root.Add(Output(output));
        return XmlFormatter.Document(root, "UTF-8");
    }

    private static ElementNode Input(InputValue input, Limits limits)
    {
        var element = new ElementNode("wps:Input").Attr("id", input.Name);
        if (input.Reference is { } reference)
            return element.Add(Reference(reference, input.Attributes, limits));
        var data = WithFormat(element.Child("wps:Data"), input.Attributes);
        if (input.BoundingBox is { } box)
            data.Add(BoundingBox(box));
        else if (input.Data is null && (input.Attributes.Contains("dataType") || input.Attributes.Contains("uom")))
        {
            // Only literals carry a data type or a unit, and only wps:LiteralValue can say them.
            data.Child("wps:LiteralValue")
                .AttrIfSet("dataType", input.Attributes["dataType"])
                .AttrIfSet("uom", input.Attributes["uom"])
                .Text(input.Value ?? "");
        }
        else
            data.Add(InlineContent.Of(input, limits));
        return element;
    }

    private static ElementNode Reference(InputReference reference, ConfigValues attributes, Limits limits)
    {
        var element = WithFormat(new ElementNode("wps:Reference").Attr("xlink:href", reference.Href), attributes);
        if (reference.Body is { } body)
            element.Child("wps:Body").Add(InlineContent.OfText(body, mayBeXml: true, limits));
        else if (reference.BodyReference is { } bodyReference)
            element.Child("wps:BodyReference").Attr("xlink:href", bodyReference);
        return element;
    }

    private static ElementNode BoundingBox(BoundingBoxValue box) =>
        new ElementNode("ows:BoundingBox")
            .AttrIfSet("crs", box.Crs)
            .AttrIfSet("dimensions", box.Dimensions)
            .TextChild("ows:LowerCorner", box.LowerCorner)
            .TextChild("ows:UpperCorner", box.UpperCorner);

    private static ElementNode Output(OutputRequest output) =>
        WithFormat(new ElementNode("wps:Output").Attr("id", output.Name), output.Attributes)
            .Attr("transmission", output.AsReference ? "reference" : "value");

    private static ElementNode WithFormat(ElementNode element, ConfigValues attributes) =>
        element
            .AttrIfSet("mimeType", attributes["mimeType"])
            .AttrIfSet("encoding", attributes["encoding"])
            .AttrIfSet("schema", attributes["schema"]);
}
