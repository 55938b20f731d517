using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Execute;

/// <summary>
/// Calculate's literal inputs: several occurrences of an unbounded input, defaults for the optional
/// inputs left out, and the refusals of values and names that do not fit the .zcfg.
/// </summary>
[TestFixture]
public sealed class LiteralInputTests
{
    private static readonly XNamespace Wps10 = "http://www.opengis.net/wps/1.0.0";
    private static readonly XNamespace Ows11 = "http://www.opengis.net/ows/1.1";
    private static readonly XNamespace Wps20 = "http://www.opengis.net/wps/2.0";

    private ServiceDirectory _services = null!;

    [OneTimeSetUp]
    public void CopyServices() => _services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);

    [OneTimeTearDown]
    public void RemoveServices() => _services.Dispose();

    private CgiResult Calculate(string dataInputs, string rest = "") =>
        CgiProcess.Get(_services.Path, Kvp("Calculate", dataInputs, rest));

    [Test]
    public void Every_occurrence_of_an_unbounded_input_reaches_the_service()
    {
        var result = Calculate("numbers=1;numbers=2.5;numbers=4;factor=2", "&RawDataOutput=Count");

        Assert.That(result.Text, Is.EqualTo("3"), result.Text);
    }

    [Test]
    public void Several_numbers_are_aggregated_with_the_defaults_of_the_inputs_left_out()
    {
        var result = Calculate("numbers=1;numbers=2.5;numbers=4;factor=2", "&RawDataOutput=Summary");

        Assert.That(result.Text, Is.EqualTo("result: sum(3 numbers) * 2 + 0.0 = 15.0"), result.Text);
    }

    [Test]
    public void Optional_inputs_given_replace_their_defaults()
    {
        var result = Calculate("numbers=1;numbers=2;numbers=3;factor=5;offset=1.5;operation=mean;label=avg", "&RawDataOutput=Summary");

        Assert.That(result.Text, Is.EqualTo("avg: mean(3 numbers) * 5 + 1.5 = 11.5"), result.Text);
    }

    [Test]
    public void Several_occurrences_in_a_1_0_0_XML_request_reach_the_service()
    {
        var inputs = Literal10("numbers", "10") + Literal10("numbers", "20") + Literal10("numbers", "30") +
                     Literal10("numbers", "40") + Literal10("factor", "1") + Literal10("operation", "max");

        var result = CgiProcess.Post(_services.Path, Xml10("Calculate", inputs, Raw10("Summary")));

        Assert.That(result.Text, Is.EqualTo("result: max(4 numbers) * 1 + 0.0 = 40.0"), result.Text);
    }

    [Test]
    public void Several_occurrences_in_a_2_0_0_request_reach_the_service()
    {
        var inputs = Data20("numbers", "", "1") + Data20("numbers", "", "2") + Data20("factor", "", "10");

        var result = CgiProcess.Post(_services.Path, Xml20("Calculate", inputs, Output20("Result"), response: "raw"));

        Assert.That(result.Text, Is.EqualTo("30.0"), result.Text);
    }

    [Test]
    public void Only_the_outputs_asked_for_are_in_the_document()
    {
        var result = Calculate("numbers=1;factor=1", "&ResponseDocument=Count;Result");

        var names = XDocument.Parse(result.Text).Descendants(Wps10 + "Output").Select(o => o.Element(Ows11 + "Identifier")?.Value);
        Assert.That(names, Is.EquivalentTo(new[] { "Result", "Count" }), result.Text);
    }

    [Test]
    public void A_literal_output_carries_its_data_type_and_unit()
    {
        var result = Calculate("numbers=1;factor=1", "&ResponseDocument=Result");

        var literal = XDocument.Parse(result.Text).Descendants(Wps10 + "LiteralData").Single();
        Assert.That(new[] { literal.Attribute("dataType")?.Value, literal.Attribute("uom")?.Value, literal.Value },
            Is.EqualTo(new[] { "double", "meter", "1.0" }), result.Text);
    }

    [Test]
    public void A_Calculate_document_is_schema_valid()
    {
        SchemaValidator.AssertValid(Calculate("numbers=1;numbers=2;factor=2;label=a%20b", "&ResponseDocument=Result;Count;Summary"));
    }

    [Test]
    public void A_Calculate_2_0_0_result_is_schema_valid()
    {
        var inputs = Data20("numbers", "", "1") + Data20("factor", "", "10");

        SchemaValidator.AssertValid(CgiProcess.Post(_services.Path,
            Xml20("Calculate", inputs, Output20("Result") + Output20("Count") + Output20("Summary"))));
    }

    // --- refusals ------------------------------------------------------------------------------------

    [TestCase("numbers=1;factor=3", "InvalidParameterValue", "factor", TestName = "A value outside AllowedValues is refused, locator the input")]
    [TestCase("numbers=1;factor=abc", "InvalidParameterValue", "factor", TestName = "A value of the wrong literal type is refused, locator the input")]
    [TestCase("numbers=1;numbers=x;factor=1", "InvalidParameterValue", "numbers", TestName = "One bad occurrence among several is refused")]
    [TestCase("numbers=1;factor=1;offset=100", "InvalidParameterValue", "offset", TestName = "A value at the open end of a range is refused")]
    [TestCase("numbers=1;factor=1;operation=median", "InvalidParameterValue", "operation", TestName = "A string outside AllowedValues is refused")]
    [TestCase("factor=1", "MissingParameterValue", "numbers", TestName = "A missing required input is reported with its name as locator")]
    [TestCase("numbers=1", "MissingParameterValue", "factor", TestName = "A missing required input without default is reported")]
    [TestCase("numbers=1;factor=1;colour=red", "InvalidParameterValue", "colour", TestName = "An unknown input is refused, locator its name")]
    public void A_refused_input_is_reported_with_code_and_locator(string dataInputs, string code, string locator)
    {
        var result = Calculate(dataInputs, "&ResponseDocument=Result");

        Assert.That(new[] { result.Status, OwsReport.Code(result), OwsReport.Locator(result) },
            Is.EqualTo(new[] { "400 Bad request", code, locator }), result.Text);
    }

    [Test]
    public void A_missing_required_input_gets_ZOOs_text()
    {
        var result = Calculate("factor=1", "&ResponseDocument=Result");

        Assert.That(OwsReport.Text(result), Is.EqualTo(
            "The <numbers> argument was not specified in DataInputs but is required according to the ZOO ServicesProvider configuration file."));
    }

    [Test]
    public void Two_missing_inputs_are_reported_together()
    {
        var result = Calculate("label=x", "&ResponseDocument=Result");

        Assert.That(OwsReport.Exceptions(result).Select(e => e.Attribute("locator")?.Value), Is.EquivalentTo(new[] { "numbers", "factor" }));
    }

    [Test]
    public void An_unknown_output_in_ResponseDocument_is_refused()
    {
        var result = Calculate("numbers=1;factor=1", "&ResponseDocument=Nope");

        Assert.That(new[] { result.Status, OwsReport.Code(result), OwsReport.Locator(result), OwsReport.Text(result) },
            Is.EqualTo(new[]
            {
                "400 Bad request", "InvalidParameterValue", "Nope",
                "The <Nope> argument specified as ResponseDocument identifier was not recognized (not defined in the ZOO Configuration File).",
            }), result.Text);
    }

    [Test]
    public void An_unknown_output_in_RawDataOutput_is_refused()
    {
        var result = Calculate("numbers=1;factor=1", "&RawDataOutput=Nope");

        Assert.That(new[] { OwsReport.Code(result), OwsReport.Locator(result) }, Is.EqualTo(new[] { "InvalidParameterValue", "Nope" }), result.Text);
    }

    [Test]
    public void An_unknown_2_0_0_output_is_refused()
    {
        var result = CgiProcess.Post(_services.Path,
            Xml20("Calculate", Data20("numbers", "", "1") + Data20("factor", "", "1"), Output20("Nope")));

        Assert.That(new[] { OwsReport.Code(result), OwsReport.Locator(result) }, Is.EqualTo(new[] { "InvalidParameterValue", "Nope" }), result.Text);
    }

    [Test]
    public void Too_many_occurrences_get_ZOOs_InternalError_text()
    {
        var result = Calculate("numbers=1;factor=1;factor=2", "&ResponseDocument=Result");

        Assert.That(new[] { result.Status, OwsReport.Code(result), OwsReport.Text(result) },
            Is.EqualTo(new[] { "500 Internal Server Error", "InternalError", "The maximum allowed occurrences for <factor> is one." }),
            result.Text);
    }

    [Test]
    public void Too_many_occurrences_are_reported_without_locator_as_ZOO_does()
    {
        // ZOO: errorException(m, "The maximum allowed occurrences for <%s> is one.", "InternalError", NULL)
        var result = Calculate("numbers=1;factor=1;factor=2", "&ResponseDocument=Result");

        Assert.That(OwsReport.First(result).Attribute("locator"), Is.Null, result.Text);
    }

    [Test]
    public void A_refusal_is_a_schema_valid_report()
    {
        SchemaValidator.AssertValid(Calculate("numbers=1;factor=3", "&ResponseDocument=Result"));
    }

    [Test]
    public void A_2_0_0_refusal_is_an_OWS_2_report()
    {
        var result = CgiProcess.Post(_services.Path, Xml20("Calculate", Data20("numbers", "", "1") + Data20("factor", "", "3"), Output20("Result")));

        Assert.That(new[] { XDocument.Parse(result.Text).Root!.Name.NamespaceName, OwsReport.Code(result), OwsReport.Locator(result) },
            Is.EqualTo(new[] { OwsReport.Ows20.NamespaceName, "InvalidParameterValue", "factor" }), result.Text);
    }

    [Test]
    public void The_2_0_0_Result_has_no_WPS_1_elements()
    {
        var result = CgiProcess.Post(_services.Path, Xml20("Calculate", Data20("numbers", "", "1") + Data20("factor", "", "1"), Output20("Count")));

        Assert.That(XDocument.Parse(result.Text).Root!.Name, Is.EqualTo(Wps20 + "Result"), result.Text);
    }
}
