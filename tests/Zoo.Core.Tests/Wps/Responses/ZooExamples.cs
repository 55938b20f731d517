namespace Zoo.Core.Tests.Wps.Responses;

/// <summary>
/// The bodies of the original ZOO-Kernel's answers in /work/shared/zoo-examples (01 to 04), byte for byte;
/// each ends with the newline libxml2 writes after the root element.
/// </summary>
public static class ZooExamples
{
    /// <summary>01-getcapabilities-1.0.0.txt</summary>
    public const string GetCapabilities10 = """
        <?xml version="1.0" encoding="utf-8"?>
        <wps:Capabilities xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:wps="http://www.opengis.net/wps/1.0.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/wps/1.0.0 http://schemas.opengis.net/wps/1.0.0/wpsGetCapabilities_response.xsd" service="WPS" version="1.0.0" xml:lang="en-US">
          <ows:ServiceIdentification>
            <ows:Title>The ZOO-Project OGC WPS Development Server</ows:Title>
            <ows:Abstract>Development version of ZOO-Project OGC WPS. See http://www.zoo-project.org</ows:Abstract>
            <ows:Keywords>
              <ows:Keyword>WPS</ows:Keyword>
              <ows:Keyword>GIS</ows:Keyword>
              <ows:Keyword>buffer</ows:Keyword>
            </ows:Keywords>
            <ows:ServiceType>WPS</ows:ServiceType>
            <ows:ServiceTypeVersion>1.0.0</ows:ServiceTypeVersion>
            <ows:Fees>None</ows:Fees>
            <ows:AccessConstraints>none</ows:AccessConstraints>
          </ows:ServiceIdentification>
          <ows:ServiceProvider>
            <ows:ProviderName>ZOO-Project</ows:ProviderName>
            <ows:ProviderSite xlink:href="http://www.zoo-project.org"/>
            <ows:ServiceContact>
              <ows:IndividualName>Gerald FENOY</ows:IndividualName>
              <ows:PositionName>Developer</ows:PositionName>
              <ows:ContactInfo>
                <ows:Phone>
                  <ows:Voice>False</ows:Voice>
                  <ows:Facsimile>False</ows:Facsimile>
                </ows:Phone>
                <ows:Address>
                  <ows:DeliveryPoint>1280, avenue des Platanes</ows:DeliveryPoint>
                  <ows:City>Lattes</ows:City>
                  <ows:AdministrativeArea>False</ows:AdministrativeArea>
                  <ows:PostalCode>34970</ows:PostalCode>
                  <ows:Country>fr</ows:Country>
                  <ows:ElectronicMailAddress>gerald.fenoy@geolabs.fr</ows:ElectronicMailAddress>
                </ows:Address>
              </ows:ContactInfo>
            </ows:ServiceContact>
          </ows:ServiceProvider>
          <ows:OperationsMetadata>
            <ows:Operation name="GetCapabilities">
              <ows:DCP>
                <ows:HTTP>
                  <ows:Get xlink:href="http://localhost/cgi-bin/zoo_loader.cgi"/>
                  <ows:Post xlink:href="http://localhost/cgi-bin/zoo_loader.cgi"/>
                </ows:HTTP>
              </ows:DCP>
            </ows:Operation>
            <ows:Operation name="DescribeProcess">
              <ows:DCP>
                <ows:HTTP>
                  <ows:Get xlink:href="http://localhost/cgi-bin/zoo_loader.cgi"/>
                  <ows:Post xlink:href="http://localhost/cgi-bin/zoo_loader.cgi"/>
                </ows:HTTP>
              </ows:DCP>
            </ows:Operation>
            <ows:Operation name="Execute">
              <ows:DCP>
                <ows:HTTP>
                  <ows:Get xlink:href="http://localhost/cgi-bin/zoo_loader.cgi"/>
                  <ows:Post xlink:href="http://localhost/cgi-bin/zoo_loader.cgi"/>
                </ows:HTTP>
              </ows:DCP>
            </ows:Operation>
          </ows:OperationsMetadata>
          <wps:ProcessOfferings>
            <wps:Process wps:processVersion="1">
              <ows:Identifier>demo</ows:Identifier>
              <ows:Title>Demo long process. </ows:Title>
              <ows:Abstract>This service doesn't do anything except taking its time to return an error message, it demonstrates how to use the update_status function of the Python ZOO-API from your services code.</ows:Abstract>
            </wps:Process>
            <wps:Process wps:processVersion="2">
              <ows:Identifier>HelloPy</ows:Identifier>
              <ows:Title>Create a welcome message string.</ows:Title>
              <ows:Abstract>Create a welcome string.</ows:Abstract>
              <ows:Metadata xlink:title="Demo"/>
            </wps:Process>
            <wps:Process wps:processVersion="1">
              <ows:Identifier>longProcess</ows:Identifier>
              <ows:Title>Demo long process. </ows:Title>
              <ows:Abstract>This service doesn't do anything except taking its time, it demonstrates how to use the updateStatus function from your ZOO Service. </ows:Abstract>
              <ows:Metadata xlink:title="Demo GetStatus request"/>
            </wps:Process>
            <wps:Process wps:processVersion="1">
              <ows:Identifier>GetStatus</ows:Identifier>
              <ows:Title>Produce an updated ExecuteResponse document. </ows:Title>
              <ows:Abstract>Create an ExecuteResponse document from a sid (Service ID), it will use the niternal ZOO Kernel mechanisms to access the current status from a running Service and update the percentCompleted from the original backup file used by the ZOO Kernel when running a Service in background. </ows:Abstract>
              <ows:Metadata xlink:title="Demo GetStatus request"/>
            </wps:Process>
          </wps:ProcessOfferings>
          <wps:Languages>
            <wps:Default>
              <ows:Language>fr-FR</ows:Language>
            </wps:Default>
            <wps:Supported>
              <ows:Language>fr-FR</ows:Language>
              <ows:Language>en-CA</ows:Language>
              <ows:Language>en-US</ows:Language>
            </wps:Supported>
          </wps:Languages>
        </wps:Capabilities>
        """ + "\n";

    /// <summary>02-getcapabilities-2.0.0.txt</summary>
    public const string GetCapabilities20 = """
        <?xml version="1.0" encoding="utf-8"?>
        <wps:Capabilities xmlns:ows="http://www.opengis.net/ows/2.0" xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/wps/2.0 http://schemas.opengis.net/wps/2.0/wps.xsd" service="WPS" version="2.0.0">
          <ows:ServiceIdentification>
            <ows:Title>The ZOO-Project OGC WPS Development Server</ows:Title>
            <ows:Abstract>Development version of ZOO-Project OGC WPS. See http://www.zoo-project.org</ows:Abstract>
            <ows:Keywords>
              <ows:Keyword>WPS</ows:Keyword>
              <ows:Keyword>GIS</ows:Keyword>
              <ows:Keyword>buffer</ows:Keyword>
            </ows:Keywords>
            <ows:ServiceType>WPS</ows:ServiceType>
            <ows:ServiceTypeVersion>2.0.0</ows:ServiceTypeVersion>
            <ows:Fees>None</ows:Fees>
            <ows:AccessConstraints>none</ows:AccessConstraints>
          </ows:ServiceIdentification>
          <ows:ServiceProvider>
            <ows:ProviderName>ZOO-Project</ows:ProviderName>
            <ows:ProviderSite xlink:href="http://www.zoo-project.org"/>
            <ows:ServiceContact>
              <ows:IndividualName>Gerald FENOY</ows:IndividualName>
              <ows:PositionName>Developer</ows:PositionName>
              <ows:ContactInfo>
                <ows:Phone>
                  <ows:Voice>False</ows:Voice>
                  <ows:Facsimile>False</ows:Facsimile>
                </ows:Phone>
                <ows:Address>
                  <ows:DeliveryPoint>1280, avenue des Platanes</ows:DeliveryPoint>
                  <ows:City>Lattes</ows:City>
                  <ows:AdministrativeArea>False</ows:AdministrativeArea>
                  <ows:PostalCode>34970</ows:PostalCode>
                  <ows:Country>fr</ows:Country>
                  <ows:ElectronicMailAddress>gerald.fenoy@geolabs.fr</ows:ElectronicMailAddress>
                </ows:Address>
              </ows:ContactInfo>
            </ows:ServiceContact>
          </ows:ServiceProvider>
          <ows:OperationsMetadata>
            <ows:Operation name="GetCapabilities">
              <ows:DCP>
                <ows:HTTP>
                  <ows:Get xlink:href="http://localhost/cgi-bin/zoo_loader.cgi"/>
                  <ows:Post xlink:href="http://localhost/cgi-bin/zoo_loader.cgi"/>
                </ows:HTTP>
              </ows:DCP>
            </ows:Operation>
            <ows:Operation name="DescribeProcess">
              <ows:DCP>
                <ows:HTTP>
                  <ows:Get xlink:href="http://localhost/cgi-bin/zoo_loader.cgi"/>
                  <ows:Post xlink:href="http://localhost/cgi-bin/zoo_loader.cgi"/>
                </ows:HTTP>
              </ows:DCP>
            </ows:Operation>
            <ows:Operation name="Execute">
              <ows:DCP>
                <ows:HTTP>
                  <ows:Post xlink:href="http://localhost/cgi-bin/zoo_loader.cgi"/>
                </ows:HTTP>
              </ows:DCP>
            </ows:Operation>
            <ows:Operation name="GetStatus">
              <ows:DCP>
                <ows:HTTP>
                  <ows:Get xlink:href="http://localhost/cgi-bin/zoo_loader.cgi"/>
                  <ows:Post xlink:href="http://localhost/cgi-bin/zoo_loader.cgi"/>
                </ows:HTTP>
              </ows:DCP>
            </ows:Operation>
            <ows:Operation name="GetResult">
              <ows:DCP>
                <ows:HTTP>
                  <ows:Get xlink:href="http://localhost/cgi-bin/zoo_loader.cgi"/>
                  <ows:Post xlink:href="http://localhost/cgi-bin/zoo_loader.cgi"/>
                </ows:HTTP>
              </ows:DCP>
            </ows:Operation>
            <ows:Operation name="Dismiss">
              <ows:DCP>
                <ows:HTTP>
                  <ows:Get xlink:href="http://localhost/cgi-bin/zoo_loader.cgi"/>
                  <ows:Post xlink:href="http://localhost/cgi-bin/zoo_loader.cgi"/>
                </ows:HTTP>
              </ows:DCP>
            </ows:Operation>
          </ows:OperationsMetadata>
          <ows:Languages>
            <ows:Language>fr-FR</ows:Language>
            <ows:Language>en-CA</ows:Language>
            <ows:Language>en-US</ows:Language>
          </ows:Languages>
          <wps:Contents>
            <wps:ProcessSummary processVersion="1.0.0" jobControlOptions="sync-execute async-execute dismiss" outputTransmission="value reference">
              <ows:Title>Demo long process. </ows:Title>
              <ows:Abstract>This service doesn't do anything except taking its time to return an error message, it demonstrates how to use the update_status function of the Python ZOO-API from your services code.</ows:Abstract>
              <ows:Identifier>demo</ows:Identifier>
            </wps:ProcessSummary>
            <wps:ProcessSummary processVersion="2.0.0" jobControlOptions="sync-execute async-execute dismiss" outputTransmission="value reference">
              <ows:Title>Create a welcome message string.</ows:Title>
              <ows:Abstract>Create a welcome string.</ows:Abstract>
              <ows:Identifier>HelloPy</ows:Identifier>
              <ows:Metadata xlink:title="Demo"/>
            </wps:ProcessSummary>
            <wps:ProcessSummary processVersion="1.0.0" jobControlOptions="sync-execute async-execute dismiss" outputTransmission="value reference">
              <ows:Title>Demo long process. </ows:Title>
              <ows:Abstract>This service doesn't do anything except taking its time, it demonstrates how to use the updateStatus function from your ZOO Service. </ows:Abstract>
              <ows:Identifier>longProcess</ows:Identifier>
              <ows:Metadata xlink:title="Demo GetStatus request"/>
            </wps:ProcessSummary>
            <wps:ProcessSummary processVersion="1.0.0" jobControlOptions="sync-execute async-execute dismiss" outputTransmission="value reference">
              <ows:Title>Produce an updated ExecuteResponse document. </ows:Title>
              <ows:Abstract>Create an ExecuteResponse document from a sid (Service ID), it will use the niternal ZOO Kernel mechanisms to access the current status from a running Service and update the percentCompleted from the original backup file used by the ZOO Kernel when running a Service in background. </ows:Abstract>
              <ows:Identifier>GetStatus</ows:Identifier>
              <ows:Metadata xlink:title="Demo GetStatus request"/>
            </wps:ProcessSummary>
          </wps:Contents>
        </wps:Capabilities>
        """ + "\n";

    /// <summary>03-describeprocess-hellopy-1.0.0.txt</summary>
    public const string DescribeHelloPy10 = """
        <?xml version="1.0" encoding="utf-8"?>
        <wps:ProcessDescriptions xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:wps="http://www.opengis.net/wps/1.0.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/wps/1.0.0 http://schemas.opengis.net/wps/1.0.0/wpsDescribeProcess_response.xsd" service="WPS" version="1.0.0" xml:lang="en-US">
          <ProcessDescription wps:processVersion="2" storeSupported="true" statusSupported="true">
            <ows:Identifier>HelloPy</ows:Identifier>
            <ows:Title>Create a welcome message string.</ows:Title>
            <ows:Abstract>Create a welcome string.</ows:Abstract>
            <ows:Metadata xlink:title="Demo"/>
            <DataInputs>
              <Input minOccurs="1" maxOccurs="1">
                <ows:Identifier>a</ows:Identifier>
                <ows:Title>Input string</ows:Title>
                <ows:Abstract>The name to display in the welcome message.</ows:Abstract>
                <ows:Metadata xlink:title="My test"/>
                <LiteralData>
                  <ows:DataType ows:reference="http://www.w3.org/TR/xmlschema-2/#string">string</ows:DataType>
                  <UOMs>
                    <Default>
                      <ows:UOM>meter</ows:UOM>
                    </Default>
                    <Supported>
                      <ows:UOM>meter</ows:UOM>
                    </Supported>
                  </UOMs>
                  <ows:AnyValue/>
                </LiteralData>
              </Input>
            </DataInputs>
            <ProcessOutputs>
              <Output>
                <ows:Identifier>Result</ows:Identifier>
                <ows:Title>The welcome message</ows:Title>
                <ows:Abstract>The welcome message created by service.</ows:Abstract>
                <ows:Metadata xlink:title="My test"/>
                <LiteralOutput>
                  <ows:DataType ows:reference="http://www.w3.org/TR/xmlschema-2/#string">string</ows:DataType>
                  <UOMs>
                    <Default>
                      <ows:UOM>meter</ows:UOM>
                    </Default>
                    <Supported>
                      <ows:UOM>meter</ows:UOM>
                    </Supported>
                  </UOMs>
                </LiteralOutput>
              </Output>
            </ProcessOutputs>
          </ProcessDescription>
        </wps:ProcessDescriptions>
        """ + "\n";

    /// <summary>04-describeprocess-hellopy-2.0.0.txt</summary>
    public const string DescribeHelloPy20 = """
        <?xml version="1.0" encoding="utf-8"?>
        <wps:ProcessOfferings xmlns:ows="http://www.opengis.net/ows/2.0" xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/wps/2.0 http://schemas.opengis.net/wps/2.0/wps.xsd">
          <wps:ProcessOffering processVersion="2.0.0" jobControlOptions="sync-execute async-execute dismiss" outputTransmission="value reference">
            <wps:Process>
              <ows:Title>Create a welcome message string.</ows:Title>
              <ows:Abstract>Create a welcome string.</ows:Abstract>
              <ows:Identifier>HelloPy</ows:Identifier>
              <ows:Metadata xlink:title="Demo"/>
              <wps:Input minOccurs="1" maxOccurs="1">
                <ows:Title>Input string</ows:Title>
                <ows:Abstract>The name to display in the welcome message.</ows:Abstract>
                <ows:Identifier>a</ows:Identifier>
                <ows:Metadata xlink:title="My test"/>
                <wps:LiteralData>
                  <wps:Format mimeType="text/plain" default="true"/>
                  <LiteralDataDomain default="true">
                    <ows:AnyValue/>
                    <ows:DataType ows:reference="http://www.w3.org/TR/xmlschema-2/#string">string</ows:DataType>
                    <ows:UOM>meter</ows:UOM>
                  </LiteralDataDomain>
                  <LiteralDataDomain>
                    <ows:AnyValue xmlns:ows="http://www.opengis.net/ows/2.0"/>
                    <ows:DataType xmlns:ows="http://www.opengis.net/ows/2.0" ows:reference="http://www.w3.org/TR/xmlschema-2/#string">string</ows:DataType>
                    <ows:UOM>meter</ows:UOM>
                  </LiteralDataDomain>
                </wps:LiteralData>
              </wps:Input>
              <wps:Output>
                <ows:Title>The welcome message</ows:Title>
                <ows:Abstract>The welcome message created by service.</ows:Abstract>
                <ows:Identifier>Result</ows:Identifier>
                <ows:Metadata xlink:title="My test"/>
                <wps:LiteralData>
                  <wps:Format mimeType="text/plain" default="true"/>
                  <LiteralDataDomain default="true">
                    <ows:AnyValue/>
                    <ows:DataType ows:reference="http://www.w3.org/TR/xmlschema-2/#string">string</ows:DataType>
                    <ows:UOM>meter</ows:UOM>
                  </LiteralDataDomain>
                  <LiteralDataDomain>
                    <ows:AnyValue xmlns:ows="http://www.opengis.net/ows/2.0"/>
                    <ows:DataType xmlns:ows="http://www.opengis.net/ows/2.0" ows:reference="http://www.w3.org/TR/xmlschema-2/#string">string</ows:DataType>
                    <ows:UOM>meter</ows:UOM>
                  </LiteralDataDomain>
                </wps:LiteralData>
              </wps:Output>
            </wps:Process>
          </wps:ProcessOffering>
        </wps:ProcessOfferings>
        """ + "\n";
}
