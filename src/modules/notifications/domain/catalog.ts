/**
 * The words of every transactional email in the four storefront languages. Placeholders are
 * `{name}`; values are filled (and HTML-escaped) by the renderer, never concatenated here.
 */
export const EMAIL_LOCALES = ['en', 'ar', 'ur', 'bn'] as const;
export type EmailLocale = (typeof EMAIL_LOCALES)[number];

/** Return statuses an email can announce (the returns module's lifecycle). */
export const RETURN_EMAIL_STATUSES = ['requested', 'approved', 'rejected', 'received', 'refunded', 'credited'] as const;
export type ReturnEmailStatus = (typeof RETURN_EMAIL_STATUSES)[number];

export interface EmailStrings {
  greeting: string;
  footer: string;
  item: string;
  quantity: string;
  amount: string;
  reason: string;
  orderConfirmation: { subject: string; intro: string; total: string; placedAt: string; po: string; cta: string };
  shipmentSent: { subject: string; intro: string; carrier: string; tracking: string; cta: string; ctaOrder: string };
  invoiceIssued: { subject: string; intro: string; amountDue: string; dueDate: string; cta: string };
  invoiceOverdue: { subject: string; intro: string; amountDue: string; dueDate: string; cta: string };
  returnStatus: { subject: string; status: Record<ReturnEmailStatus, string>; intro: Record<ReturnEmailStatus, string>; cta: string };
}

export const EMAIL_STRINGS: Readonly<Record<EmailLocale, EmailStrings>> = {
  en: {
    greeting: 'Hello {name},',
    footer: 'This email was sent by Precis about your company account.',
    item: 'Item',
    quantity: 'Quantity',
    amount: 'Amount',
    reason: 'Reason',
    orderConfirmation: {
      subject: 'Order {number} confirmed',
      intro: 'Thank you for your order. We have received order {number} and will let you know when it ships.',
      total: 'Order total',
      placedAt: 'Placed on',
      po: 'PO number',
      cta: 'View your order',
    },
    shipmentSent: {
      subject: 'Your order {number} has shipped',
      intro: 'Shipment {shipment} of order {number} is on its way.',
      carrier: 'Carrier',
      tracking: 'Tracking number',
      cta: 'Track your shipment',
      ctaOrder: 'View your order',
    },
    invoiceIssued: {
      subject: 'Invoice {number} for {amount}',
      intro: 'We have issued invoice {number}. Please pay {amount} by {due}.',
      amountDue: 'Amount due',
      dueDate: 'Due date',
      cta: 'View the invoice',
    },
    invoiceOverdue: {
      subject: 'Invoice {number} is overdue',
      intro: 'Invoice {number} for {amount} was due on {due} and has not been paid in full. Please pay it as soon as possible.',
      amountDue: 'Amount due',
      dueDate: 'Was due on',
      cta: 'Pay the invoice',
    },
    returnStatus: {
      subject: 'Return {number}: {status}',
      status: { requested: 'requested', approved: 'approved', rejected: 'not approved', received: 'received', refunded: 'refunded', credited: 'credited' },
      intro: {
        requested: 'We have received your return request {number} for order {order}. We will review it shortly.',
        approved: 'Your return {number} for order {order} has been approved. Please send the items back quoting the return number.',
        rejected: 'Your return {number} for order {order} was not approved.',
        received: 'We have received the items of return {number}.',
        refunded: 'Return {number} is complete: {amount} has been refunded to your card.',
        credited: 'Return {number} is complete: a credit note for {amount} has been issued to your account.',
      },
      cta: 'View the return',
    },
  },
  ar: {
    greeting: 'مرحباً {name}،',
    footer: 'أُرسلت هذه الرسالة من Precis بخصوص حساب شركتك.',
    item: 'الصنف',
    quantity: 'الكمية',
    amount: 'المبلغ',
    reason: 'السبب',
    orderConfirmation: {
      subject: 'تم تأكيد الطلب {number}',
      intro: 'شكراً لطلبك. لقد استلمنا الطلب {number} وسنبلغك عند شحنه.',
      total: 'إجمالي الطلب',
      placedAt: 'تاريخ الطلب',
      po: 'رقم أمر الشراء',
      cta: 'عرض طلبك',
    },
    shipmentSent: {
      subject: 'تم شحن طلبك {number}',
      intro: 'الشحنة {shipment} من الطلب {number} في طريقها إليك.',
      carrier: 'شركة الشحن',
      tracking: 'رقم التتبع',
      cta: 'تتبّع شحنتك',
      ctaOrder: 'عرض طلبك',
    },
    invoiceIssued: {
      subject: 'الفاتورة {number} بمبلغ {amount}',
      intro: 'أصدرنا الفاتورة {number}. يرجى سداد {amount} قبل {due}.',
      amountDue: 'المبلغ المستحق',
      dueDate: 'تاريخ الاستحقاق',
      cta: 'عرض الفاتورة',
    },
    invoiceOverdue: {
      subject: 'الفاتورة {number} متأخرة السداد',
      intro: 'كان موعد استحقاق الفاتورة {number} بمبلغ {amount} في {due} ولم تُسدَّد بالكامل. يرجى سدادها في أقرب وقت.',
      amountDue: 'المبلغ المستحق',
      dueDate: 'كان مستحقاً في',
      cta: 'سداد الفاتورة',
    },
    returnStatus: {
      subject: 'المرتجع {number}: {status}',
      status: { requested: 'قيد المراجعة', approved: 'مقبول', rejected: 'مرفوض', received: 'تم الاستلام', refunded: 'تم رد المبلغ', credited: 'صدر إشعار دائن' },
      intro: {
        requested: 'استلمنا طلب الإرجاع {number} للطلب {order}. سنراجعه قريباً.',
        approved: 'تمت الموافقة على المرتجع {number} للطلب {order}. يرجى إعادة الأصناف مع ذكر رقم المرتجع.',
        rejected: 'لم تتم الموافقة على المرتجع {number} للطلب {order}.',
        received: 'استلمنا أصناف المرتجع {number}.',
        refunded: 'اكتمل المرتجع {number}: تم رد {amount} إلى بطاقتك.',
        credited: 'اكتمل المرتجع {number}: صدر إشعار دائن بمبلغ {amount} لحسابك.',
      },
      cta: 'عرض المرتجع',
    },
  },
  ur: {
    greeting: 'محترم {name}،',
    footer: 'یہ ای میل Precis کی جانب سے آپ کی کمپنی کے اکاؤنٹ کے بارے میں بھیجی گئی ہے۔',
    item: 'آئٹم',
    quantity: 'مقدار',
    amount: 'رقم',
    reason: 'وجہ',
    orderConfirmation: {
      subject: 'آرڈر {number} کی تصدیق ہو گئی',
      intro: 'آپ کے آرڈر کا شکریہ۔ ہمیں آرڈر {number} موصول ہو گیا ہے اور اس کی روانگی پر ہم آپ کو مطلع کریں گے۔',
      total: 'آرڈر کی کل رقم',
      placedAt: 'آرڈر کی تاریخ',
      po: 'پرچیز آرڈر نمبر',
      cta: 'اپنا آرڈر دیکھیں',
    },
    shipmentSent: {
      subject: 'آپ کا آرڈر {number} روانہ کر دیا گیا ہے',
      intro: 'آرڈر {number} کی کھیپ {shipment} آپ کی طرف روانہ ہے۔',
      carrier: 'کوریئر',
      tracking: 'ٹریکنگ نمبر',
      cta: 'اپنی کھیپ ٹریک کریں',
      ctaOrder: 'اپنا آرڈر دیکھیں',
    },
    invoiceIssued: {
      subject: 'انوائس {number}، رقم {amount}',
      intro: 'ہم نے انوائس {number} جاری کر دی ہے۔ براہِ کرم {due} تک {amount} ادا کریں۔',
      amountDue: 'واجب الادا رقم',
      dueDate: 'آخری تاریخ',
      cta: 'انوائس دیکھیں',
    },
    invoiceOverdue: {
      subject: 'انوائس {number} کی ادائیگی کی تاریخ گزر چکی ہے',
      intro: 'انوائس {number} کی رقم {amount} کی ادائیگی {due} تک واجب تھی اور ابھی تک مکمل ادا نہیں ہوئی۔ براہِ کرم جلد از جلد ادائیگی کریں۔',
      amountDue: 'واجب الادا رقم',
      dueDate: 'ادائیگی کی تاریخ تھی',
      cta: 'انوائس ادا کریں',
    },
    returnStatus: {
      subject: 'واپسی {number}: {status}',
      status: { requested: 'درخواست موصول', approved: 'منظور', rejected: 'نامنظور', received: 'اشیاء موصول', refunded: 'رقم واپس', credited: 'کریڈٹ نوٹ جاری' },
      intro: {
        requested: 'ہمیں آرڈر {order} کے لیے آپ کی واپسی کی درخواست {number} موصول ہو گئی ہے۔ ہم جلد اس کا جائزہ لیں گے۔',
        approved: 'آرڈر {order} کے لیے آپ کی واپسی {number} منظور ہو گئی ہے۔ براہِ کرم واپسی نمبر کے حوالے سے اشیاء واپس بھیجیں۔',
        rejected: 'آرڈر {order} کے لیے آپ کی واپسی {number} منظور نہیں ہوئی۔',
        received: 'ہمیں واپسی {number} کی اشیاء موصول ہو گئی ہیں۔',
        refunded: 'واپسی {number} مکمل ہو گئی: {amount} آپ کے کارڈ پر واپس کر دیے گئے ہیں۔',
        credited: 'واپسی {number} مکمل ہو گئی: آپ کے اکاؤنٹ کے لیے {amount} کا کریڈٹ نوٹ جاری کر دیا گیا ہے۔',
      },
      cta: 'واپسی دیکھیں',
    },
  },
  bn: {
    greeting: 'প্রিয় {name},',
    footer: 'আপনার কোম্পানির অ্যাকাউন্ট সম্পর্কে এই ইমেইলটি Precis পাঠিয়েছে।',
    item: 'পণ্য',
    quantity: 'পরিমাণ',
    amount: 'মূল্য',
    reason: 'কারণ',
    orderConfirmation: {
      subject: 'অর্ডার {number} নিশ্চিত হয়েছে',
      intro: 'আপনার অর্ডারের জন্য ধন্যবাদ। আমরা অর্ডার {number} পেয়েছি এবং এটি পাঠানো হলে আপনাকে জানাব।',
      total: 'অর্ডারের মোট',
      placedAt: 'অর্ডারের তারিখ',
      po: 'ক্রয় আদেশ নম্বর',
      cta: 'আপনার অর্ডার দেখুন',
    },
    shipmentSent: {
      subject: 'আপনার অর্ডার {number} পাঠানো হয়েছে',
      intro: 'অর্ডার {number}-এর চালান {shipment} আপনার কাছে যাচ্ছে।',
      carrier: 'পরিবাহক',
      tracking: 'ট্র্যাকিং নম্বর',
      cta: 'আপনার চালান ট্র্যাক করুন',
      ctaOrder: 'আপনার অর্ডার দেখুন',
    },
    invoiceIssued: {
      subject: 'ইনভয়েস {number}, পরিমাণ {amount}',
      intro: 'আমরা ইনভয়েস {number} ইস্যু করেছি। অনুগ্রহ করে {due}-এর মধ্যে {amount} পরিশোধ করুন।',
      amountDue: 'পরিশোধযোগ্য পরিমাণ',
      dueDate: 'শেষ তারিখ',
      cta: 'ইনভয়েস দেখুন',
    },
    invoiceOverdue: {
      subject: 'ইনভয়েস {number}-এর পরিশোধের মেয়াদ পেরিয়ে গেছে',
      intro: 'ইনভয়েস {number} ({amount})-এর শেষ তারিখ ছিল {due}, কিন্তু এটি এখনও সম্পূর্ণ পরিশোধ হয়নি। অনুগ্রহ করে যত দ্রুত সম্ভব পরিশোধ করুন।',
      amountDue: 'পরিশোধযোগ্য পরিমাণ',
      dueDate: 'শেষ তারিখ ছিল',
      cta: 'ইনভয়েস পরিশোধ করুন',
    },
    returnStatus: {
      subject: 'রিটার্ন {number}: {status}',
      status: { requested: 'অনুরোধ গৃহীত', approved: 'অনুমোদিত', rejected: 'অনুমোদিত হয়নি', received: 'পণ্য প্রাপ্ত', refunded: 'অর্থ ফেরত', credited: 'ক্রেডিট নোট ইস্যু' },
      intro: {
        requested: 'অর্ডার {order}-এর জন্য আপনার রিটার্ন অনুরোধ {number} আমরা পেয়েছি। শিগগিরই এটি পর্যালোচনা করব।',
        approved: 'অর্ডার {order}-এর রিটার্ন {number} অনুমোদিত হয়েছে। অনুগ্রহ করে রিটার্ন নম্বর উল্লেখ করে পণ্যগুলো ফেরত পাঠান।',
        rejected: 'অর্ডার {order}-এর রিটার্ন {number} অনুমোদিত হয়নি।',
        received: 'রিটার্ন {number}-এর পণ্যগুলো আমরা পেয়েছি।',
        refunded: 'রিটার্ন {number} সম্পন্ন: {amount} আপনার কার্ডে ফেরত দেওয়া হয়েছে।',
        credited: 'রিটার্ন {number} সম্পন্ন: আপনার অ্যাকাউন্টে {amount}-এর ক্রেডিট নোট ইস্যু করা হয়েছে।',
      },
      cta: 'রিটার্ন দেখুন',
    },
  },
};

/** The email language for a stored locale (`ur-PK` → `ur`); anything else reads English. */
export function emailLocale(locale: string | null | undefined): EmailLocale {
  const lang = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (EMAIL_LOCALES as readonly string[]).includes(lang) ? (lang as EmailLocale) : 'en';
}

/** Right-to-left scripts among the email languages. */
export function isRtl(locale: EmailLocale): boolean {
  return locale === 'ar' || locale === 'ur';
}
