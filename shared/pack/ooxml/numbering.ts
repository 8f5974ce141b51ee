import type { RawParts } from './raw';

/**
 * The numbering part (word/numbering.xml, ECMA-376 Part 1 §17.9): the list definitions and
 * instances the body's lists were given (RawParts), every w:abstractNum before the first w:num as
 * CT_Numbering orders them. w15:restartNumberingAfterBreak is Word 2013's and ignorable.
 */
export const numberingXml = (raw: RawParts): string => {
  const { abstract, instances } = raw.numberingDefinitions();
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:numbering xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w15">' +
    `${abstract}${instances}</w:numbering>`
  );
};
