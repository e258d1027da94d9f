import type { Phrasebook } from './phrasebook';

export const spanish: Phrasebook = {
  locale: 'es-US',
  subject: (entityName) => `Aviso de una violación de datos en ${entityName}`,
  greeting: (name) => `Estimado/a ${name}:`,
  nextOfKinGreeting: (name, patientName) =>
    `Estimado/a ${name}: le escribimos como familiar más cercano o representante personal de ${patientName}.`,
  headings: {
    whatHappened: 'Qué sucedió',
    whatInformation: 'Qué información estuvo involucrada',
    whatYouCanDo: 'Qué puede hacer usted',
    whatWeAreDoing: 'Qué estamos haciendo',
    forMoreInformation: 'Para más información',
  },
  dates: (breachDate, discoveryDate) =>
    breachDate
      ? `La violación ocurrió el ${breachDate}. La descubrimos el ${discoveryDate}.`
      : `No se conoce la fecha de la violación. La descubrimos el ${discoveryDate}.`,
  informationInvolved: 'La información involucrada puede haber incluido:',
  phiLabels: {
    fullName: 'nombre completo',
    ssn: 'número de Seguro Social',
    dateOfBirth: 'fecha de nacimiento',
    homeAddress: 'domicilio',
    accountNumber: 'número de cuenta',
    diagnosis: 'diagnóstico',
    disabilityCode: 'código de discapacidad',
    medicalRecordNumber: 'número de historia clínica',
    insurance: 'información del seguro médico',
    medications: 'medicamentos',
    labResults: 'resultados de laboratorio',
  },
  generalSteps: [
    'Revise los estados de cuenta de sus proveedores de salud y de su aseguradora; informe de cualquier servicio que no recibió.',
    'Desconfíe de llamadas, correos o cartas que le pidan información personal o de salud.',
  ],
  stepsByPhiType: {
    ssn: 'Solicite gratis una alerta de fraude o un congelamiento de crédito a las agencias de crédito y revise sus informes en annualcreditreport.com.',
    accountNumber: 'Vigile sus estados de cuenta y avise a su banco de cualquier cargo que no reconozca.',
    insurance: 'Pida a su aseguradora la lista de beneficios pagados a su nombre.',
  },
  contactLines: (contact) => [
    `Llámenos gratis al ${contact.tollFreeNumber}.`,
    `Correo electrónico: ${contact.email}`,
    `Web: ${contact.website}`,
    `Correo postal: ${contact.postalAddress}`,
  ],
  closing: (entityName) => `Lamentamos sinceramente lo ocurrido. ${entityName}`,
  smsLead: (entityName) => `${entityName}: aviso de una violación de datos que puede afectar su información.`,
  smsLabels: {
    happened: 'Qué sucedió',
    found: 'Descubierta',
    info: 'Información',
    steps: 'Qué puede hacer',
    doing: 'Qué hacemos',
    questions: 'Preguntas, línea gratuita',
  },
};
