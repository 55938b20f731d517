using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Execute;

/// <summary>
/// A Python service written exactly as ZOO's documentation shows
/// (https://zoo-project.github.io/docs/services/howtos.html: <c>import zoo</c>, <c>def Name(conf, inputs, outputs)</c>,
/// <c>inputs["x"]["value"]</c>, <c>zoo.update_status</c>, <c>zoo._</c>, <c>zoo.SERVICE_SUCCEEDED</c>) runs unchanged.
/// </summary>
[TestFixture]
public sealed class ZooDocumentedServiceTests
{
    private const string Zcfg = """
        [Greet]
         Title = Return a greeting.
         Abstract = A service written as ZOO's documentation shows.
         processVersion = 1
         storeSupported = true
         statusSupported = true
         serviceType = Python
         serviceProvider = greet_service
         <DataInputs>
          [name]
           Title = Name
           Abstract = Who to greet.
           minOccurs = 1
           maxOccurs = 1
           <LiteralData>
            dataType = string
            <Default />
           </LiteralData>
          [times]
           Title = Times
           Abstract = How many times.
           minOccurs = 0
           maxOccurs = 1
           <LiteralData>
            dataType = integer
            <Default>
             value = 2
            </Default>
           </LiteralData>
         </DataInputs>
         <DataOutputs>
          [Result]
           Title = The greeting
           Abstract = The greeting text.
           <LiteralData>
            dataType = string
            <Default />
           </LiteralData>
          [Report]
           Title = Report
           Abstract = A JSON document describing the run.
           <ComplexData>
            <Default>
             mimeType = application/json
            </Default>
           </ComplexData>
         </DataOutputs>

        """;

    private const string Python = """
        import zoo
        import json

        def Greet(conf,inputs,outputs):
            zoo.info("Greet starts")
            name = inputs["name"]["value"]
            times = int(inputs["times"]["value"])
            conf["lenv"]["message"] = zoo._("Greeting in progress")
            zoo.update_status(conf, 50)
            outputs["Result"]["value"] = " ".join(["Hello " + name + "!"] * times)
            outputs["Report"]["value"] = json.dumps({"name": name, "times": times, "identifier": conf["lenv"]["Identifier"]})
            conf["lenv"]["message"] = zoo._("Greeting done")
            return zoo.SERVICE_SUCCEEDED

        """;

    private static readonly XNamespace Wps10 = "http://www.opengis.net/wps/1.0.0";
    private static readonly XNamespace Ows11 = "http://www.opengis.net/ows/1.1";

    private ServiceDirectory _services = null!;

    [OneTimeSetUp]
    public void WriteService()
    {
        _services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        _services.Write("Greet.zcfg", Zcfg);
        _services.Write("greet_service.py", Python);
    }

    [OneTimeTearDown]
    public void RemoveServices() => _services.Dispose();

    [Test]
    public void The_documented_service_runs_and_its_output_is_returned()
    {
        var result = CgiProcess.Get(_services.Path, Kvp("Greet", "name=ZOO", "&RawDataOutput=Result"));

        Assert.That(result.Text, Is.EqualTo("Hello ZOO! Hello ZOO!"), result.Text);
    }

    [Test]
    public void The_documented_service_sees_its_inputs_and_conf()
    {
        var result = CgiProcess.Get(_services.Path, Kvp("Greet", "name=ZOO;times=3", "&RawDataOutput=Report"));

        Assert.That(result.Text, Is.EqualTo("{\"name\": \"ZOO\", \"times\": 3, \"identifier\": \"Greet\"}"), result.Text);
    }

    [Test]
    public void The_documented_service_answers_a_full_document()
    {
        var result = CgiProcess.Get(_services.Path, Kvp("Greet", "name=ZOO"));

        var outputs = XDocument.Parse(result.Text).Descendants(Wps10 + "Output").Select(o => o.Element(Ows11 + "Identifier")?.Value);
        Assert.That(outputs, Is.EqualTo(new[] { "Result", "Report" }), result.Text);
    }

    [Test]
    public void The_documented_service_document_is_schema_valid()
    {
        SchemaValidator.AssertValid(CgiProcess.Get(_services.Path, Kvp("Greet", "name=ZOO")));
    }

    [Test]
    public void The_documented_service_runs_over_WPS_2_0_0()
    {
        var result = CgiProcess.Post(_services.Path, Xml20("Greet", Data20("name", "", "ZOO"), Output20("Result"), response: "raw"));

        Assert.That(result.Text, Is.EqualTo("Hello ZOO! Hello ZOO!"), result.Text);
    }
}
