using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Data;
using Zoo.Core.Execution;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Requests.Execute;

namespace Zoo.Core.Tests.Execution;

public class InputChecksTests
{
    private static readonly ProcessDescription Process = ZcfgParser.Parse("""
        [S]
         <DataInputs>
          [a]
           minOccurs = 1
           maxOccurs = 1
           <LiteralData>
            dataType = integer
            <Default>
             uom = meter
            </Default>
            <Supported>
             uom = feet
            </Supported>
           </LiteralData>
          [opt]
           minOccurs = 0
           <LiteralData>
            dataType = string
            <Default />
           </LiteralData>
          [withDefault]
           minOccurs = 1
           <LiteralData>
            dataType = string
            <Default>
             value = x
            </Default>
           </LiteralData>
          [choice]
           minOccurs = 0
           <LiteralData>
            dataType = string
            AllowedValues = red,green
            <Default />
           </LiteralData>
          [doc]
           minOccurs = 0
           maxOccurs = 2
           <ComplexData>
            <Default>
             mimeType = application/json
            </Default>
            <Supported>
             mimeType = text/xml; subtype=gml/3.1.1
             encoding = UTF-8
             schema = http://schemas.opengis.net/gml/3.1.1/base/feature.xsd
            </Supported>
           </ComplexData>
         </DataInputs>
        """);

    private static InputValue Literal(string name, string value, params (string Key, string Value)[] attributes) =>
        new(name, Attributes(attributes), Value: value);

    private static InputValue Complex(string name, params (string Key, string Value)[] attributes) =>
        new(name, Attributes(attributes), Value: "{}");

    private static InputValue Referenced(string name, params (string Key, string Value)[] attributes) =>
        new(name, Attributes(attributes), Reference: InputReference.Get("http://data.example.org/a"));

    private static ConfigValues Attributes((string Key, string Value)[] attributes) =>
        new(attributes.Select(a => KeyValuePair.Create(a.Key, a.Value)));

    private static IReadOnlyList<OwsError> Errors(params InputValue[] values) =>
        Assert.Throws<WpsException>(() => InputChecks.Check(Process, values))!.Errors;

    private static void Check(params InputValue[] values) => InputChecks.Check(Process, values);

    [Test]
    public void Declared_inputs_with_fitting_values_pass()
    {
        Assert.DoesNotThrow(() => Check(Literal("a", "1"), Literal("opt", "x"), Literal("choice", "red"), Complex("doc")));
    }

    [Test]
    public void An_unknown_input_is_an_InvalidParameterValue_at_its_name()
    {
        var error = Errors(Literal("a", "1"), Literal("zzz", "1")).Single();

        Assert.That((error.Code, error.Locator, error.Text), Is.EqualTo(("InvalidParameterValue", "zzz",
            "The <zzz> argument specified as DataInputs identifier was not recognized (not defined in the ZOO Configuration File).")));
    }

    [Test]
    public void Input_names_are_matched_without_regard_to_case()
    {
        Assert.DoesNotThrow(() => Check(Literal("A", "1")));
    }

    [Test]
    public void A_missing_required_input_is_a_MissingParameterValue_at_its_name()
    {
        var error = Errors(Literal("opt", "x")).Single();

        Assert.That((error.Code, error.Locator, error.Text), Is.EqualTo(("MissingParameterValue", "a",
            "The <a> argument was not specified in DataInputs but is required according to the ZOO ServicesProvider configuration file.")));
    }

    [Test]
    public void A_required_input_with_a_default_value_may_be_left_out()
    {
        Assert.DoesNotThrow(() => Check(Literal("a", "1")));
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var errors = Errors(Literal("zzz", "1"), Literal("choice", "blue"));

        Assert.That(errors.Select(e => (e.Code, e.Locator)), Is.EqualTo(new[]
        {
            ("InvalidParameterValue", "zzz"), ("MissingParameterValue", "a"), ("InvalidParameterValue", "choice"),
        }));
    }

    [Test]
    public void A_second_value_of_an_input_allowed_once_is_refused_as_ZOO_does()
    {
        var error = Errors(Literal("a", "1"), Literal("a", "2")).Single();

        Assert.That((error.Code, error.Locator, error.Text), Is.EqualTo(("InternalError", (string?)null, "The maximum allowed occurrences for <a> is one.")));
    }

    [Test]
    public void More_values_than_maxOccurs_are_refused_with_the_maximum()
    {
        var error = Errors(Literal("a", "1"), Complex("doc"), Complex("doc"), Complex("doc")).Single();

        Assert.That(error.Text, Is.EqualTo("The maximum allowed occurrences for <doc> (2) was exceeded."));
    }

    [Test]
    public void As_many_values_as_maxOccurs_pass()
    {
        Assert.DoesNotThrow(() => Check(Literal("a", "1"), Complex("doc"), Complex("doc")));
    }

    [Test]
    public void An_undeclared_mime_type_is_refused_at_the_input()
    {
        var error = Errors(Literal("a", "1"), Complex("doc", ("mimeType", "text/html"))).Single();

        Assert.That((error.Code, error.Locator, error.Text), Is.EqualTo(("InvalidParameterValue", "doc",
            "The format mimeType=text/html given for the <doc> input is not one the ZOO ServicesProvider configuration file declares for it.")));
    }

    [Test]
    public void An_undeclared_encoding_is_refused()
    {
        var error = Errors(Literal("a", "1"), Complex("doc", ("mimeType", "text/xml; subtype=gml/3.1.1"), ("encoding", "base64"))).Single();

        Assert.That(error.Locator, Is.EqualTo("doc"));
    }

    [Test]
    public void An_undeclared_schema_is_refused()
    {
        var error = Errors(Literal("a", "1"), Complex("doc", ("mimeType", "text/xml; subtype=gml/3.1.1"), ("schema", "http://evil.example.org/x.xsd")))
            .Single();

        Assert.That(error.Locator, Is.EqualTo("doc"));
    }

    [Test]
    public void An_undeclared_mime_type_of_a_reference_is_refused()
    {
        var error = Errors(Literal("a", "1"), Referenced("doc", ("mimeType", "text/html"))).Single();

        Assert.That(error.Locator, Is.EqualTo("doc"));
    }

    [Test]
    public void A_declared_format_is_accepted_without_regard_to_case_or_blanks()
    {
        Assert.DoesNotThrow(() => Check(Literal("a", "1"),
            Complex("doc", ("mimeType", "TEXT/XML;subtype=gml/3.1.1"), ("encoding", "utf-8"),
                ("schema", "http://schemas.opengis.net/gml/3.1.1/base/feature.xsd"))));
    }

    [Test]
    public void An_undeclared_unit_is_refused_at_the_input()
    {
        var error = Errors(Literal("a", "1", ("uom", "parsec"))).Single();

        Assert.That((error.Code, error.Locator, error.Text), Is.EqualTo(("InvalidParameterValue", "a",
            "The unit of measure <parsec> of the <a> input is not one the ZOO ServicesProvider configuration file declares for it.")));
    }

    [Test]
    public void A_declared_unit_is_accepted_without_regard_to_case()
    {
        Assert.DoesNotThrow(() => Check(Literal("a", "1", ("uom", "FEET"))));
    }

    [Test]
    public void A_literal_of_the_wrong_type_is_refused()
    {
        var error = Errors(Literal("a", "one")).Single();

        Assert.That(error.Text, Is.EqualTo("The value <one> of the <a> input is not a valid integer."));
    }

    [Test]
    public void A_literal_given_by_reference_is_not_checked_against_its_type()
    {
        Assert.DoesNotThrow(() => Check(Referenced("a")));
    }

    [Test]
    public void A_value_outside_the_allowed_values_is_refused()
    {
        var error = Errors(Literal("a", "1"), Literal("choice", "blue")).Single();

        Assert.That(error.Text, Is.EqualTo("The value <blue> of the <choice> input is not one of its allowed values."));
    }
}
