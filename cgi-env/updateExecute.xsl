<?xml version="1.0" encoding="UTF-8"?>
<!--
  updateExecute.xsl: main.cfg [callback] template. The callback service publishes inputs given by value (MapServer
  WFS/WCS) and then rewrites the job's WPS 2.0.0 Execute request with this stylesheet, once per published value, so
  that the request it reports references the published service instead of carrying the data.

  Everything is copied as it is, except the wps:Input (a child of wps:Execute) chosen by the parameters, which
  becomes an input with the same attributes holding only a wps:Reference to the published URL:
    attr   the id of the input
    value  the URL (xlink:href of the wps:Reference)
    cnt    which value of the input, counted from 0 among the wps:Input elements with that id, as the kernel
           numbers the values of a multi-valued input; empty or absent: every value of the input (what ZOO's own
           template does, which ignores cnt)
  The reference keeps the mimeType and schema of the inline wps:Data, and its encoding unless that is base64: base64
  said how the inline text carried binary data, whereas the published service answers with the bytes themselves.

  XSLT 1.0 (xsltproc, libxslt) without extensions. Parameters are strings (xsltproc stringparam), so a URL with
  quotes or ampersands is never read as an expression.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:wps="http://www.opengis.net/wps/2.0"
    xmlns:xlink="http://www.w3.org/1999/xlink">

  <xsl:output method="xml" encoding="UTF-8"/>

  <xsl:param name="attr" select="''"/>
  <xsl:param name="value" select="''"/>
  <xsl:param name="cnt" select="''"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- XSLT 1.0 allows no parameter in a match pattern: the choice of the input is made here. -->
  <xsl:template match="/wps:Execute/wps:Input">
    <xsl:choose>
      <xsl:when test="@id = $attr and (string($cnt) = '' or count(preceding-sibling::wps:Input[@id = $attr]) = number($cnt))">
        <xsl:copy>
          <xsl:copy-of select="@*"/>
          <wps:Reference>
            <xsl:attribute name="xlink:href">
              <xsl:value-of select="$value"/>
            </xsl:attribute>
            <xsl:copy-of select="wps:Data/@mimeType | wps:Data/@schema"/>
            <xsl:copy-of select="wps:Data/@encoding[translate(., 'BASE', 'base') != 'base64']"/>
          </wps:Reference>
        </xsl:copy>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
