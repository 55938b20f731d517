using System.Xml.Linq;
using Zoo.Core.Configuration;
using Zoo.Core.Data;

namespace Zoo.Core.Wps.Requests.Execute;

/// <summary>Reads a <c>wps:Execute</c> document: WPS 1.0.0 (DataInputs, ResponseForm) or 2.0.0 (Input, Output, mode, response).</summary>
public static class XmlExecuteReader
{
    private static readonly XNamespace Xlink = "http://www.w3.org/1999/xlink";

    public static ExecuteRequest Read(XElement execute, WpsVersion version, string identifier) =>
        version.IsV1 ? Read10(execute, identifier) : Read20(execute, identifier);

    private static ExecuteRequest Read10(XElement execute, string identifier)
    {
        var inputs = Children(Child(execute, "DataInputs"), "Input").Select(Input10).ToList();
        var form = Child(execute, "ResponseForm");
        var raw = Child(form, "RawDataOutput");
        var document = Child(form, "ResponseDocument");
        var outputs = raw is not null
            ? [Output10(raw)]
            : Children(document, "Output").Select(Output10).ToList();
        var status = IsTrue(document, "status");
        return new ExecuteRequest(identifier, inputs, outputs,
            raw is not null ? ResponseKind.Raw : ResponseKind.Document,
            IsTrue(document, "lineage"), IsTrue(document, "storeExecuteResponse"), status,
            status ? ExecutionMode.Async : ExecutionMode.Sync);
    }

    private static InputValue Input10(XElement input)
    {
        var name = Text(Child(input, "Identifier"));
        if (Child(input, "Reference") is { } reference)
            return new InputValue(name, Attributes(reference, "mimeType", "encoding", "schema"), Reference: Reference(reference));
        var data = Child(input, "Data");
        if (Child(data, "LiteralData") is { } literal)
            return new InputValue(name, Attributes(literal, "dataType", "uom"), Value: literal.Value);
        if (Child(data, "BoundingBoxData") is { } box)
            return new InputValue(name, Attributes(box, "crs", "dimensions"), BoundingBox: BoundingBox(box));
        var complex = Child(data, "ComplexData");
        return Complex(name, complex ?? new XElement("empty"));
    }

    private static OutputRequest Output10(XElement output)
    {
        var attributes = Attributes(output, "asReference", "mimeType", "encoding", "schema", "uom");
        return new OutputRequest(Text(Child(output, "Identifier")), attributes);
    }

    private static ExecuteRequest Read20(XElement execute, string identifier)
    {
        var inputs = Children(execute, "Input").SelectMany(i => Inputs20(i, "")).ToList();
        var outputs = Children(execute, "Output")
            .Select(o => new OutputRequest(o.Attribute("id")?.Value ?? "",
                Attributes(o, "transmission", "mimeType", "encoding", "schema")))
            .ToList();
        var mode = (execute.Attribute("mode")?.Value ?? "sync").ToLowerInvariant() switch
        {
            "async" => ExecutionMode.Async,
            "auto" => ExecutionMode.Auto,
            _ => ExecutionMode.Sync,
        };
        var raw = string.Equals(execute.Attribute("response")?.Value, "raw", StringComparison.OrdinalIgnoreCase);
        return new ExecuteRequest(identifier, inputs, outputs, raw ? ResponseKind.Raw : ResponseKind.Document,
            Lineage: false, StoreExecuteResponse: mode != ExecutionMode.Sync, Status: mode != ExecutionMode.Sync, mode);
    }

    /// <summary>A 2.0 input, or the inputs nested in it (published to the service as <c>parent.child</c>).</summary>
    private static IEnumerable<InputValue> Inputs20(XElement input, string prefix)
    {
        var name = prefix + (input.Attribute("id")?.Value ?? "");
        var nested = Children(input, "Input").ToList();
        if (nested.Count > 0)
            return nested.SelectMany(n => Inputs20(n, name + "."));
        if (Child(input, "Reference") is { } reference)
            return [new InputValue(name, Attributes(reference, "mimeType", "encoding", "schema"), Reference: Reference(reference))];
        var data = Child(input, "Data") ?? new XElement("empty");
        var attributes = Attributes(data, "mimeType", "encoding", "schema");
        if (Child(data, "LiteralValue") is { } literal)
            return [new InputValue(name, new ConfigValues(attributes.Concat(Attributes(literal, "dataType", "uom"))), Value: literal.Value)];
        if (Child(data, "BoundingBox") is { } box)
            return [new InputValue(name, Attributes(box, "crs", "dimensions"), BoundingBox: BoundingBox(box))];
        return [Complex(name, data)];
    }

    /// <summary>Inline XML is kept as XML text; anything else (text, CDATA, base64) as its text.</summary>
    private static InputValue Complex(string name, XElement data)
    {
        var attributes = Attributes(data, "mimeType", "encoding", "schema");
        var elements = data.Elements().ToList();
        if (elements.Count > 0)
        {
            var xml = string.Concat(elements.Select(e => e.ToString(SaveOptions.DisableFormatting)));
            return new InputValue(name, attributes, Value: xml, IsXml: true);
        }
        return new InputValue(name, attributes, Value: data.Value);
    }

    private static InputReference Reference(XElement reference)
    {
        var href = (reference.Attribute(Xlink + "href") ?? reference.Attribute("href"))?.Value ?? "";
        var headers = Children(reference, "Header")
            .Select(h => KeyValuePair.Create(h.Attribute("key")?.Value ?? "", h.Attribute("value")?.Value ?? ""))
            .Where(h => h.Key.Length > 0)
            .ToList();
        var body = Child(reference, "Body") is { } bodyElement
            ? bodyElement.HasElements
                ? string.Concat(bodyElement.Elements().Select(e => e.ToString(SaveOptions.DisableFormatting)))
                : bodyElement.Value
            : null;
        var bodyReference = Child(reference, "BodyReference") is { } bodyRef
            ? (bodyRef.Attribute(Xlink + "href") ?? bodyRef.Attribute("href"))?.Value
            : null;
        var method = reference.Attribute("method")?.Value ?? (body is null && bodyReference is null ? "GET" : "POST");
        return new InputReference(href, method.ToUpperInvariant(), headers, body, bodyReference);
    }

    private static BoundingBoxValue BoundingBox(XElement box) =>
        new(box.Attribute("crs")?.Value, box.Attribute("dimensions")?.Value,
            Text(Child(box, "LowerCorner")), Text(Child(box, "UpperCorner")));

    private static ConfigValues Attributes(XElement? element, params string[] names) =>
        new(names.Select(n => (n, element?.Attribute(n)?.Value))
            .Where(p => p.Item2 is not null)
            .Select(p => KeyValuePair.Create(p.n, p.Item2!)));

    private static bool IsTrue(XElement? element, string attribute) =>
        string.Equals(element?.Attribute(attribute)?.Value, "true", StringComparison.OrdinalIgnoreCase);

    private static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static IEnumerable<XElement> Children(XElement? parent, string localName) =>
        parent?.Elements().Where(e => e.Name.LocalName == localName) ?? [];

    private static string Text(XElement? element) => element?.Value.Trim() ?? "";
}
