/** The invoice PDF's words in the four storefront languages. */
export type PdfLocale = 'en' | 'ar' | 'ur' | 'bn';

export interface PdfLabels {
  title: string;
  invoiceNo: string;
  issued: string;
  due: string;
  order: string;
  po: string;
  terms: string;
  status: string;
  from: string;
  billTo: string;
  vatId: string;
  item: string;
  qty: string;
  unitPrice: string;
  tax: string;
  amount: string;
  subtotal: string;
  shipping: string;
  taxTotal: string;
  total: string;
  paid: string;
  credited: string;
  balance: string;
  payBy: string;
  thanks: string;
  statuses: Record<'open' | 'partially_paid' | 'paid' | 'overdue' | 'void', string>;
  termsNames: Record<string, string>;
}

export const PDF_LABELS: Record<PdfLocale, PdfLabels> = {
  en: {
    title: 'Tax invoice',
    invoiceNo: 'Invoice no.',
    issued: 'Issue date',
    due: 'Due date',
    order: 'Order',
    po: 'PO number',
    terms: 'Payment terms',
    status: 'Status',
    from: 'From',
    billTo: 'Bill to',
    vatId: 'VAT no.',
    item: 'Item',
    qty: 'Qty',
    unitPrice: 'Unit price',
    tax: 'VAT',
    amount: 'Amount',
    subtotal: 'Subtotal',
    shipping: 'Shipping',
    taxTotal: 'Tax',
    total: 'Total',
    paid: 'Paid',
    credited: 'Credited',
    balance: 'Balance due',
    payBy: 'Please pay by {date}.',
    thanks: 'Thank you for your business.',
    statuses: { open: 'Open', partially_paid: 'Partially paid', paid: 'Paid', overdue: 'Overdue', void: 'Void' },
    termsNames: { due_on_receipt: 'Due on receipt', net7: 'Net 7', net15: 'Net 15', net30: 'Net 30', net60: 'Net 60', net90: 'Net 90', eom: 'End of following month', card: 'Paid by card' },
  },
  ar: {
    title: 'فاتورة ضريبية',
    invoiceNo: 'رقم الفاتورة',
    issued: 'تاريخ الإصدار',
    due: 'تاريخ الاستحقاق',
    order: 'الطلب',
    po: 'رقم أمر الشراء',
    terms: 'شروط الدفع',
    status: 'الحالة',
    from: 'من',
    billTo: 'فاتورة إلى',
    vatId: 'الرقم الضريبي',
    item: 'الصنف',
    qty: 'الكمية',
    unitPrice: 'سعر الوحدة',
    tax: 'الضريبة',
    amount: 'المبلغ',
    subtotal: 'المجموع الفرعي',
    shipping: 'الشحن',
    taxTotal: 'الضريبة',
    total: 'الإجمالي',
    paid: 'المدفوع',
    credited: 'إشعارات دائنة',
    balance: 'الرصيد المستحق',
    payBy: 'يرجى السداد قبل {date}.',
    thanks: 'شكراً لتعاملكم معنا.',
    statuses: { open: 'مفتوحة', partially_paid: 'مدفوعة جزئياً', paid: 'مدفوعة', overdue: 'متأخرة', void: 'ملغاة' },
    termsNames: { due_on_receipt: 'مستحقة عند الاستلام', net7: 'صافي 7 أيام', net15: 'صافي 15 يوماً', net30: 'صافي 30 يوماً', net60: 'صافي 60 يوماً', net90: 'صافي 90 يوماً', eom: 'نهاية الشهر التالي', card: 'مدفوعة بالبطاقة' },
  },
  ur: {
    title: 'ٹیکس انوائس',
    invoiceNo: 'انوائس نمبر',
    issued: 'تاریخ اجرا',
    due: 'آخری تاریخ ادائیگی',
    order: 'آرڈر',
    po: 'پرچیز آرڈر نمبر',
    terms: 'ادائیگی کی شرائط',
    status: 'حیثیت',
    from: 'منجانب',
    billTo: 'بل بنام',
    vatId: 'ٹیکس نمبر',
    item: 'آئٹم',
    qty: 'تعداد',
    unitPrice: 'فی یونٹ قیمت',
    tax: 'ٹیکس',
    amount: 'رقم',
    subtotal: 'ذیلی میزان',
    shipping: 'شپنگ',
    taxTotal: 'ٹیکس',
    total: 'کل رقم',
    paid: 'ادا شدہ',
    credited: 'کریڈٹ',
    balance: 'واجب الادا رقم',
    payBy: 'براہ کرم {date} تک ادائیگی کریں۔',
    thanks: 'آپ کے کاروبار کا شکریہ۔',
    statuses: { open: 'کھلی', partially_paid: 'جزوی ادا شدہ', paid: 'ادا شدہ', overdue: 'واجب الادا', void: 'منسوخ' },
    termsNames: { due_on_receipt: 'وصولی پر واجب الادا', net7: 'نیٹ 7 دن', net15: 'نیٹ 15 دن', net30: 'نیٹ 30 دن', net60: 'نیٹ 60 دن', net90: 'نیٹ 90 دن', eom: 'اگلے مہینے کے آخر تک', card: 'کارڈ سے ادا شدہ' },
  },
  bn: {
    title: 'ট্যাক্স ইনভয়েস',
    invoiceNo: 'ইনভয়েস নং',
    issued: 'ইস্যুর তারিখ',
    due: 'পরিশোধের শেষ তারিখ',
    order: 'অর্ডার',
    po: 'পিও নম্বর',
    terms: 'পরিশোধের শর্ত',
    status: 'অবস্থা',
    from: 'প্রেরক',
    billTo: 'বিল প্রাপক',
    vatId: 'ভ্যাট নং',
    item: 'পণ্য',
    qty: 'পরিমাণ',
    unitPrice: 'একক মূল্য',
    tax: 'ভ্যাট',
    amount: 'মূল্য',
    subtotal: 'উপমোট',
    shipping: 'শিপিং',
    taxTotal: 'কর',
    total: 'সর্বমোট',
    paid: 'পরিশোধিত',
    credited: 'ক্রেডিট',
    balance: 'বকেয়া',
    payBy: 'অনুগ্রহ করে {date} এর মধ্যে পরিশোধ করুন।',
    thanks: 'আপনার ব্যবসার জন্য ধন্যবাদ।',
    statuses: { open: 'খোলা', partially_paid: 'আংশিক পরিশোধিত', paid: 'পরিশোধিত', overdue: 'মেয়াদোত্তীর্ণ', void: 'বাতিল' },
    termsNames: { due_on_receipt: 'প্রাপ্তির সাথে সাথে', net7: 'নেট ৭ দিন', net15: 'নেট ১৫ দিন', net30: 'নেট ৩০ দিন', net60: 'নেট ৬০ দিন', net90: 'নেট ৯০ দিন', eom: 'পরের মাসের শেষে', card: 'কার্ডে পরিশোধিত' },
  },
};

export function pdfLocale(locale: string): PdfLocale {
  const base = locale.toLowerCase().split(/[-_]/)[0];
  return base === 'ar' || base === 'ur' || base === 'bn' ? base : 'en';
}
